// Who holds a team complaint, and, for a manager or the holder, a select of the team's agents to hand it
// on (issue 13). Dumb: the agents, the acting agent and the assignment come in as props, the choice goes out.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { type ActingAgent, canAssign } from '@/lib/register/assignment';
import type { Assignee, Complaint } from '@/lib/register/schema';
import type { TeamAgent } from '@/lib/sync/protocol';

interface Props {
  complaint: Pick<Complaint, 'id' | 'assignee'>;
  me: ActingAgent;
  /** The team's active agents; null while they load. */
  agents: TeamAgent[] | null;
  /** Why the list could not be read (French), if it could not. */
  error?: string;
  onAssign: (assignee: Assignee) => Promise<{ message: string } | undefined>;
}

export function AssigneePicker({ complaint, me, agents, error, onAssign }: Props) {
  const current = complaint.assignee;
  const [chosen, setChosen] = useState(current?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setChosen(current?.id ?? '');
    setProblem(null);
  }, [complaint.id, current?.id]);

  const holder = current?.name ?? t('ui.assign.unassigned');
  if (!canAssign(complaint, me)) {
    return (
      <p class="assignee" data-testid="assignee">
        {t('ui.assign.label')} : <strong data-testid="assignee-name">{holder}</strong>{' '}
        <span class="hint">{t('ui.assign.readOnly', { name: holder })}</span>
      </p>
    );
  }
  // Auditors never hold a complaint; a holder whose access was revoked stays shown until reassigned.
  const options = (agents ?? []).filter((a) => a.role !== 'auditor');
  if (current && !options.some((a) => a.id === current.id)) options.unshift({ ...current, role: 'agent' });
  const target = options.find((a) => a.id === chosen);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!target) return;
    setBusy(true);
    const failed = await onAssign({ id: target.id, name: target.name });
    setBusy(false);
    setProblem(failed?.message ?? null);
  };
  return (
    <form class="assignee" data-testid="assignee" onSubmit={submit}>
      <label>
        {t('ui.assign.label')}{' '}
        <select
          data-testid="assignee-select"
          value={chosen}
          disabled={agents === null && !error}
          onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}
        >
          {!current && <option value="">{t('ui.assign.unassigned')}</option>}
          {options.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="submit" data-testid="assignee-save" disabled={busy || !target || target.id === current?.id}>
        {t('ui.assign.save')}
      </button>
      {agents === null && !error && <span role="status"> {t('ui.assign.loading')}</span>}
      {error && (
        <p class="warning" role="status">
          {t('ui.assign.unavailable', { details: error })}
        </p>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
