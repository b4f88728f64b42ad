// The frame of "Gestion du registre": title, what the page is for, a way back to the settings, the sections.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { getLang, t } from '@/lib/i18n';
import { useSettings } from '../hooks/useRegister';

export function ManagePage({ children }: { children: ComponentChildren }) {
  // Reading the settings sets the interface language; the whole page re-renders in it.
  useSettings();
  const lang = getLang();
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('data.page.title')} – ${t('app.name')}`;
  }, [lang]);
  return (
    <div class="data-page">
      <header class="data-page__header">
        <h1>{t('data.page.title')}</h1>
        <a href="options.html">{t('data.page.back')}</a>
      </header>
      <p class="data-section__help">{t('data.page.intro')}</p>
      <main>{children}</main>
    </div>
  );
}
