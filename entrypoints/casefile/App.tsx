// The printable case file page, opened as casefile.html?id=<uuid>&audience=customer|internal from the
// complaint view; the page's switch changes the version and keeps it in the address (reload, bookmark).
import { useEffect, useState } from 'preact/hooks';
import { CaseFile, caseFileTitle } from '@/components/casefile/CaseFile';
import type { Audience } from '@/components/casefile/model';
import { useCaseFile } from '@/components/casefile/useCaseFile';
import { t } from '@/lib/i18n';

export function App({ id, audience: initial = 'internal' }: { id: string | null; audience?: Audience }) {
  const data = useCaseFile(id);
  const [audience, setAudience] = useState<Audience>(initial);
  const reference = data.state === 'ready' ? data.complaint.reference : null;
  useEffect(() => {
    // The title names the PDF a browser saves.
    if (reference) document.title = caseFileTitle(reference, audience);
  }, [reference, audience]);
  const choose = (next: Audience) => {
    setAudience(next);
    const url = new URL(location.href);
    url.searchParams.set('audience', next);
    history.replaceState(null, '', url);
  };
  if (data.state === 'loading') return <p role="status">{t('casefile.loading')}</p>;
  if (data.state === 'notFound')
    return (
      <p class="warning" role="alert">
        {t('casefile.notFound')}
      </p>
    );
  const { state: _state, ...props } = data;
  return (
    <CaseFile {...props} audience={audience} onAudience={choose} now={new Date()} onPrint={() => window.print()} />
  );
}
