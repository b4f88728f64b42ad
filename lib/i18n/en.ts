import { common } from './en/common';
import { content } from './en/content';
import { deadlines } from './en/deadlines';
import { letters } from './en/letters';
import { register } from './en/register';
import { spotting } from './en/spotting';
import { ui } from './en/ui';
import { webmail } from './en/webmail';
import type { Dictionary } from './fr';

export const en: Dictionary = {
  ...common,
  ...content,
  ...deadlines,
  ...letters,
  ...register,
  ...spotting,
  ...webmail,
  ...ui,
};
