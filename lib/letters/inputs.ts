// The fill-in inputs an agent types when inserting a letter, checked and written out for the letter's language.
import { getLang, type Lang, t } from '../i18n';
import { formatEuros, parseAmount } from '../i18n/money';
import { dayInWords, parseInputDay } from './format';
import type { TemplateInput } from './meta';

export interface FormattedInputs {
  /** By input id, ready for `{{inputs.<id>}}`; blank when the agent left it empty or typed something invalid. */
  values: Record<string, string>;
  /** French (interface language) messages about values that could not be read. */
  problems: string[];
}

/** Formats the inputs the template declares (others are ignored): dates in words, amounts in euros. */
export function formatInputs(
  specs: readonly TemplateInput[],
  raw: Readonly<Record<string, string>>,
  lang: Lang,
): FormattedInputs {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  for (const spec of specs) {
    const value = (raw[spec.id] ?? '').trim();
    values[spec.id] = '';
    if (!value) continue;
    const label = spec.label[getLang()];
    if (spec.kind === 'date') {
      const day = parseInputDay(value);
      if (day) values[spec.id] = dayInWords(day, lang);
      else problems.push(t('letters.input.badDate', { label, value }));
    } else if (spec.kind === 'amount') {
      const amount = parseAmount(value);
      if (amount !== undefined) values[spec.id] = formatEuros(amount, lang);
      else problems.push(t('letters.input.badAmount', { label, value }));
    } else {
      values[spec.id] = value;
    }
  }
  return { values, problems };
}
