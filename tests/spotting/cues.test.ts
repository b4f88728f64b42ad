import { en } from '../../lib/i18n/en';
import { fr } from '../../lib/i18n/fr';
import { CUE_RULES } from '../../lib/spotting/cues';
import { SIGNAL_RULES } from '../../lib/spotting/signals';

describe('the cue and signal tables', () => {
  const rules = [...CUE_RULES, ...SIGNAL_RULES];

  it('give every rule a unique id and a label in French and English', () => {
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(fr[rule.label], rule.id).toBeTruthy();
      expect(en[rule.label], rule.id).toBeTruthy();
      expect(rule.label.endsWith(rule.id), rule.id).toBe(true);
    }
  });

  it('weigh complaint phrases positively, and phrases more than isolated words', () => {
    const weight = (id: string) => CUE_RULES.find((rule) => rule.id === id)?.weight ?? 0;
    for (const rule of CUE_RULES) expect(rule.weight, rule.id).toBeGreaterThan(0);
    expect(weight('formalNotice')).toBeGreaterThan(weight('complaint'));
    expect(weight('refundDemand')).toBeGreaterThan(weight('refund'));
    expect(weight('nonDelivery')).toBeGreaterThan(weight('delay'));
  });

  it('read folded text only: no capitals or accents in the patterns', () => {
    for (const rule of CUE_RULES)
      for (const pattern of rule.patterns) expect(pattern.source, rule.id).not.toMatch(/[A-Z]|[à-ÿ]/u);
  });
});
