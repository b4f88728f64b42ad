// French strings: the source of truth. Each domain keeps its strings in its own file under fr/.
import { assignment } from './fr/assignment';
import { common } from './fr/common';
import { complaintUi } from './fr/complaint-ui';
import { content } from './fr/content';
import { dashboard } from './fr/dashboard';
import { data } from './fr/data';
import { deadlines } from './fr/deadlines';
import { helpdesk } from './fr/helpdesk';
import { letters } from './fr/letters';
import { options } from './fr/options';
import { privacy } from './fr/privacy';
import { register } from './fr/register';
import { spotting } from './fr/spotting';
import { team } from './fr/team';
import { ui } from './fr/ui';
import { webmail } from './fr/webmail';

export const fr = {
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
export type MessageKey = keyof typeof fr;
export type Dictionary = Record<MessageKey, string>;
