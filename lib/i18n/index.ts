// Every user-facing string lives in the dictionaries of this folder: French is the source (fr.ts),
// English must carry the same keys (the `Dictionary` type makes a missing key a type error).
import { z } from 'zod';
import { en } from './en';
import { type Dictionary, fr, type MessageKey } from './fr';

export const LangSchema = z.enum(['fr', 'en']);
export type Lang = z.infer<typeof LangSchema>;
export type { MessageKey };
export type Params = Record<string, string | number>;

const dictionaries: Record<Lang, Dictionary> = { fr, en };
let current: Lang = 'fr';
// zod's own messages (too short, invalid email…) follow the interface language.
z.config(z.locales.fr());

export function setLang(lang: Lang): void {
  current = lang;
  z.config(lang === 'fr' ? z.locales.fr() : z.locales.en());
}

export function getLang(): Lang {
  return current;
}

/** Translates `key`, replacing `{name}` placeholders with `params`. Unknown placeholders stay visible. */
export function t(key: MessageKey, params: Params = {}, lang: Lang = current): string {
  const template = dictionaries[lang][key] ?? fr[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A French (or English) error whose message is already translated; `key` lets callers test which rule refused. */
export class UserError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
  ) {
    super(t(key, params));
    this.name = 'UserError';
  }
}
