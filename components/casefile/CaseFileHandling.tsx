// The case file's account of the handling: the steps with their dates, and the letters sent.
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import { templateMeta } from '@/lib/letters/catalog';
import type { HistoryEvent } from '@/lib/register/history';
import type { Complaint } from '@/lib/register/schema';
import { announcedExtension, stepsOf } from './model';
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

/** Each letter as it was sent: its stored text, never a re-rendering (a template edited since, or a value
 *  typed once, must not change what the register says was sent). */
export function Letters({ complaint: c }: { complaint: Complaint }) {
  return (
    <Section id="letters" title={t('casefile.section.letters')} pageBreak={c.letters.length > 0}>
      {c.letters.length === 0 && <p class="cf-missing">{t('casefile.letters.none')}</p>}
      {c.letters.map((letter) => {
        const title = templateMeta(letter.templateId)?.title[letter.lang] ?? letter.templateId;
        const extension = announcedExtension(c, letter.extensionAt);
        return (
          <article key={`${letter.at}${letter.sha256}`} class="cf-letter" data-testid="cf-letter">
            <h3>{title}</h3>
            <dl class="cf-facts">
              <div class="cf-fact">
                <dt>{t('casefile.letter.sentAt')}</dt>
                <dd>{formatDateTime(letter.at)}</dd>
              </div>
              <div class="cf-fact">
                <dt>{t('casefile.letter.template')}</dt>
                <dd>
                  <code>{letter.templateId}</code>
                </dd>
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
            {extension && (
              <p class="cf-letter__extension" data-testid="cf-letter-extension">
                {t('casefile.letter.announces', { date: formatDateTime(extension.newDueAt) })}
              </p>
            )}
            {letter.sent ? (
              <div class="cf-sent">
                <p class="cf-sent__label">{t('casefile.letter.text')}</p>
                <pre class="cf-sent__text" data-testid="cf-letter-text">
                  {letter.sent.text}
                </pre>
              </div>
            ) : (
              <p class="cf-missing" data-testid="cf-letter-not-kept">
                {t(c.anonymizedAt ? 'casefile.letter.erased' : 'casefile.letter.notKept')}
              </p>
            )}
          </article>
        );
      })}
    </Section>
  );
}
