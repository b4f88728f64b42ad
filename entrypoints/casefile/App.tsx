// The printable case file page, opened as casefile.html?id=<uuid> from the complaint view.
import { useEffect } from 'preact/hooks';
import { CaseFile } from '@/components/casefile/CaseFile';
import { useCaseFile } from '@/components/casefile/useCaseFile';
import { t } from '@/lib/i18n';

export function App({ id }: { id: string | null }) {
  const data = useCaseFile(id);
  const reference = data.state === 'ready' ? data.complaint.reference : null;
  useEffect(() => {
    // The title names the PDF a browser saves.
    if (reference) document.title = t('casefile.pageTitle', { reference });
  }, [reference]);
  if (data.state === 'loading') return <p role="status">{t('casefile.loading')}</p>;
  if (data.state === 'notFound')
    return (
      <p class="warning" role="alert">
        {t('casefile.notFound')}
      </p>
    );
  const { state: _state, ...props } = data;
  return <CaseFile {...props} now={new Date()} onPrint={() => window.print()} />;
}
