// The retention section wired to the register: reads the complaints due (directly, as extension pages may)
// with the settings' retention periods and the quarantined records, re-reads on every register change, and
// asks the background to anonymise them (the background owns writes, and checks again that each one is due).
import { useLiveRead } from '@/components/hooks/useLiveRead';
import { useSettings } from '@/components/hooks/useRegister';
import { send } from '@/lib/extension/protocol';
import type { RetentionCandidate } from '@/lib/register/retention';
import { listQuarantine, type QuarantineAge, quarantineAges } from '@/lib/register/store/quarantine';
import { listDueForAnonymisation } from '@/lib/register/store/retention';
import { RetentionSection } from './RetentionSection';

export function RetentionPanel() {
  const { retentionYears: years, retentionNotComplaintYears: notComplaintYears } = useSettings();
  const candidates: RetentionCandidate[] | null =
    useLiveRead(
      (signal) => listDueForAnonymisation(new Date(), { years, notComplaintYears }, signal),
      [years, notComplaintYears],
    ).value ?? null;
  const quarantine: QuarantineAge[] | null =
    useLiveRead(async () => quarantineAges(await listQuarantine(), new Date()), []).value ?? null;
  return (
    <RetentionSection
      years={years}
      notComplaintYears={notComplaintYears}
      candidates={candidates}
      quarantine={quarantine}
      onAnonymize={(ids) => send({ type: 'retention/apply', ids })}
    />
  );
}
