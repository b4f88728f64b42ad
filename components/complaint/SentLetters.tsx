// The letters recorded for the complaint, each with the text exactly as it went out (never re-rendered:
// a template edited since must not change what the register says was sent). A letter recorded before the
// register kept the text, or whose text an anonymisation erased, says so.
import { t } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import { templateMeta } from '@/lib/letters/catalog';
import type { Complaint } from '@/lib/register/schema';
import { announcedExtension } from '../casefile/model';

export function SentLetters({ complaint: c }: { complaint: Complaint }) {
  if (c.letters.length === 0) return null;
  return (
    <section class="section" aria-label={t('ui.letters.title')} data-testid="sent-letters">
      <h3>{t('ui.letters.title')}</h3>
      <ul>
        {c.letters.map((letter) => {
          const title = templateMeta(letter.templateId)?.title[letter.lang] ?? letter.templateId;
          const extension = announcedExtension(c, letter.extensionAt);
          const identity = { id: letter.templateId, version: letter.templateVersion, sha256: letter.sha256 };
          return (
            <li key={`${letter.at}${letter.sha256}`} data-testid="sent-letter">
              <p>
                {t('ui.letters.line', {
                  title,
                  date: formatDateTime(letter.at),
                  channel: t(`casefile.letter.channel.${letter.channel}`),
                })}
              </p>
              {letter.extensionAt && (
                <p data-testid="sent-letter-extension">
                  {extension
                    ? t('ui.letters.announces', { date: formatDateTime(extension.newDueAt) })
                    : t('ui.letters.announcesUnknown', { date: formatDateTime(letter.extensionAt) })}
                </p>
              )}
              {letter.sent ? (
                <details>
                  <summary>{t('ui.letters.sentText')}</summary>
                  <pre class="letter__preview" data-testid="sent-letter-text">
                    {letter.sent.text}
                  </pre>
                </details>
              ) : (
                <p class="warning" data-testid="sent-letter-not-kept">
                  {t(c.anonymizedAt ? 'ui.letters.erased' : 'ui.letters.notKept', identity)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
