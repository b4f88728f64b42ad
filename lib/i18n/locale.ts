// The Intl locale each interface language writes with: French as in France, English as in the UK (day before
// month, like the French reader expects; euros written €1,234.50).
import { getLang, type Lang } from '.';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export function intlLocale(lang: Lang = getLang()): string {
  return LOCALES[lang];
}
