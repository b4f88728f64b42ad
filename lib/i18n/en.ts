import { assignment } from './en/assignment';
import { common } from './en/common';
import { complaintUi } from './en/complaint-ui';
import { content } from './en/content';
import { dashboard } from './en/dashboard';
import { data } from './en/data';
import { deadlines } from './en/deadlines';
import { helpdesk } from './en/helpdesk';
import { letters } from './en/letters';
import { options } from './en/options';
import { privacy } from './en/privacy';
import { register } from './en/register';
import { spotting } from './en/spotting';
import { team } from './en/team';
import { ui } from './en/ui';
import { webmail } from './en/webmail';
import type { Dictionary } from './fr';

export const en: Dictionary = {
  ...assignment,
  ...common,
  ...complaintUi,
  ...content,
  ...data,
  ...dashboard,
  ...deadlines,
  ...helpdesk,
  ...letters,
  ...options,
  ...privacy,
  ...register,
  ...spotting,
  ...team,
  ...webmail,
  ...ui,
};
