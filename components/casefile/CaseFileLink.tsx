// Opens the complaint's printable case file in a new tab (an extension page, read from the register).
import browser from 'webextension-polyfill';
import { t } from '@/lib/i18n';

export function CaseFileLink({ id }: { id: string }) {
  return (
    <p class="casefile-link">
      <a
        href={browser.runtime.getURL(`/casefile.html?id=${encodeURIComponent(id)}`)}
        target="_blank"
        rel="noreferrer"
        data-testid="casefile-link"
      >
        {t('casefile.link')}
      </a>
    </p>
  );
}
