// The retention section wired to the register: reads the complaints due (directly, as extension pages may)
// with the settings' retention periods and the quarantined records, re-reads on every register change, and
// asks the background to anonymise them (the background owns writes, and checks again that each one is due).
import { useEffect, useState } from 'preact/hooks';
import { useSettings } from '@/components/hooks/useRegister';
import { onRegisterChange, send } from '@/lib/extension/protocol';
import { listDueForAnonymisation, type RetentionCandidate } from '@/lib/register/retention';
import type { RetentionReport } from '@/lib/register/store/anonymize';
import { listQuarantine, type QuarantineAge, quarantineAges } from '@/lib/register/store/quarantine';
import { RetentionSection } from './RetentionSection';

export function RetentionPanel() {
  const { retentionYears: years, retentionNotComplaintYears: notComplaintYears } = useSettings();
  const [candidates, setCandidates] = useState<RetentionCandidate[] | null>(null);
  const [quarantine, setQuarantine] = useState<QuarantineAge[] | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => onRegisterChange(() => setVersion((v) => v + 1)), []);
  useEffect(() => {
    let live = true;
    const now = new Date();
    void listDueForAnonymisation(now, { years, notComplaintYears }).then((list) => live && setCandidates(list));
    void listQuarantine().then((records) => live && setQuarantine(quarantineAges(records, now)));
    return () => {
      live = false;
    };
  }, [years, notComplaintYears, version]);
  return (
    <RetentionSection
      years={years}
      notComplaintYears={notComplaintYears}
      candidates={candidates}
      quarantine={quarantine}
      onAnonymize={(ids) => send<RetentionReport>({ type: 'retention/apply', ids })}
    />
  );
}
