// Opens the complaint's printable case file in a new tab (an extension page, read from the register): the
// version for the customer or the mediator, or the internal one.
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { AUDIENCES } from './model';

export function CaseFileLink({ id }: { id: string }) {
  return (
    <p class="casefile-link">
      {t('casefile.link')} :{' '}
      {AUDIENCES.map((audience, i) => (
        <span key={audience}>
          {i > 0 && ' · '}
          <a
            href={browser.runtime.getURL(`/casefile.html?id=${encodeURIComponent(id)}&audience=${audience}`)}
            target="_blank"
            rel="noreferrer"
            data-testid={audience === 'internal' ? 'casefile-link' : `casefile-link-${audience}`}
          >
            {t(`casefile.audience.${audience}`)}
          </a>
        </span>
      ))}
    </p>
  );
}
