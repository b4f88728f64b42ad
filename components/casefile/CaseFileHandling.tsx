// The case file's account of the handling: the steps with their dates, and the letters sent.
import { t } from '@/lib/i18n';
import { templateMeta } from '@/lib/letters/catalog';
import type { RenderResult } from '@/lib/letters/render';
import type { HistoryEvent } from '@/lib/register/history';
import type { Complaint } from '@/lib/register/schema';
import { formatDateTime } from '@/lib/ui/format';
import { stepsOf } from './model';
import { Section } from './parts';

export function Steps({ complaint: c, history }: { complaint: Complaint; history: readonly HistoryEvent[] }) {
  return (
    <Section id="steps" title={t('casefile.section.steps')}>
      <ol class="cf-steps">
        {stepsOf(c, history).map((s) => (
          <li key={`${s.at}${s.phase}`} data-testid="cf-step">
            <span class="cf-steps__date">{formatDateTime(s.at)}</span> · <strong>{t(`phase.${s.phase}`)}</strong>
            {s.actor && <span class="cf-steps__actor"> · {t('casefile.step.by', { agent: s.actor })}</span>}
          </li>
        ))}
      </ol>
    </Section>
  );
}

interface LettersProps {
  complaint: Complaint;
  regenerated: readonly (RenderResult | null)[];
}

export function Letters({ complaint: c, regenerated }: LettersProps) {
  return (
    <Section id="letters" title={t('casefile.section.letters')} pageBreak={c.letters.length > 0}>
      {c.letters.length === 0 && <p class="cf-missing">{t('casefile.letters.none')}</p>}
      {c.letters.map((letter, i) => {
        const title = templateMeta(letter.templateId)?.title[letter.lang] ?? letter.templateId;
        const again = regenerated[i];
        return (
          <article key={`${letter.at}${letter.sha256}`} class="cf-letter" data-testid="cf-letter">
            <h3>{title}</h3>
            <dl class="cf-facts">
              <div class="cf-fact">
                <dt>{t('casefile.letter.sentAt')}</dt>
                <dd>{formatDateTime(letter.at)}</dd>
              </div>
              <div class="cf-fact">
                <dt>{t('casefile.letter.version')}</dt>
                <dd>
                  {letter.templateVersion} ({letter.lang.toUpperCase()})
                </dd>
              </div>
              <div class="cf-fact">
                <dt>{t('casefile.letter.channel')}</dt>
                <dd>{t(`casefile.letter.channel.${letter.channel}`)}</dd>
              </div>
              <div class="cf-fact cf-fact--wide">
                <dt>{t('casefile.letter.sha256')}</dt>
                <dd>
                  <code class="cf-hash">{letter.sha256}</code>
                </dd>
              </div>
            </dl>
            {again?.ok === true && (
              <div class="cf-regenerated">
                <p class="cf-regenerated__label">{t('casefile.letter.regenerated')}</p>
                <p class="cf-regenerated__match">
                  {again.sha256 === letter.sha256 ? t('casefile.letter.identical') : t('casefile.letter.different')}
                </p>
                <pre class="cf-regenerated__text" data-testid="cf-letter-text">
                  {again.text}
                </pre>
              </div>
            )}
            {again?.ok === false && (
              <p class="cf-missing">{t('casefile.letter.notRegenerated', { message: again.message })}</p>
            )}
          </article>
        );
      })}
    </Section>
  );
}
