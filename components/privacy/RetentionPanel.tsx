// The retention section wired to the register: reads the complaints due (directly, as extension pages may)
// with the settings' retention period, re-reads on every register change, and asks the background to
// anonymise them (the background owns writes, and checks again that each one is due).
import { useEffect, useState } from 'preact/hooks';
import { useSettings } from '@/components/hooks/useRegister';
import { onRegisterChange, send } from '@/lib/messages';
import type { RetentionReport } from '@/lib/register/anonymize-store';
import { listDueForAnonymisation, type RetentionCandidate } from '@/lib/register/retention';
import { RetentionSection } from './RetentionSection';

export function RetentionPanel() {
  const { retentionYears } = useSettings();
  const [candidates, setCandidates] = useState<RetentionCandidate[] | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => onRegisterChange(() => setVersion((v) => v + 1)), []);
  useEffect(() => {
    let live = true;
    void listDueForAnonymisation(new Date(), retentionYears).then((list) => live && setCandidates(list));
    return () => {
      live = false;
    };
  }, [retentionYears, version]);
  return (
    <RetentionSection
      years={retentionYears}
      candidates={candidates}
      onAnonymize={(ids) => send<RetentionReport>({ type: 'retention/apply', ids })}
    />
  );
}
