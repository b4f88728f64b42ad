// Step 5: follow up the internal corrective actions (owner, due date, done, effectiveness) so the
// problem does not come back; then close.
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { templatesFor } from '@/lib/letters/catalog';
import type { Complaint } from '@/lib/register/schema';
import { Text } from '../../controls';
import { LetterComposer } from '../LetterComposer';
import { TransitionButton } from '../TransitionButton';
import type { StepProps } from '../types';

type Action = Complaint['followUp'][number];

export function FollowUpStep(props: StepProps) {
  const { complaint: c, actions, now } = props;
  const [draft, setDraft] = useState({ description: '', owner: '', dueDay: '' });
  const saveActions = (followUp: Action[]) => actions.patch({ followUp });
  const add = async (e: Event) => {
    e.preventDefault();
    if (!draft.description.trim()) return;
    const action: Action = {
      id: crypto.randomUUID(),
      description: draft.description.trim(),
      owner: draft.owner.trim(),
      dueDay: draft.dueDay || null,
      doneAt: null,
      effectiveness: { checkedAt: null, effective: null, note: '' },
    };
    if (!(await saveActions([...c.followUp, action]))) setDraft({ description: '', owner: '', dueDay: '' });
  };
  const update = (id: string, patch: Partial<Action>) =>
    saveActions(c.followUp.map((a) => (a.id === id ? { ...a, ...patch } : a)));
  const canFollow = c.phase === 'answered' || c.phase === 'mediation';
  const canClose = ['answered', 'unfounded', 'followingUp', 'mediation'].includes(c.phase);
  return (
    <div class="section" data-testid="followup-step">
      <h3>{t('ui.step.followUp')}</h3>
      <ul class="actions-list">
        {c.followUp.map((a) => (
          <li key={a.id} data-testid="followup-action">
            <label>
              <input
                type="checkbox"
                checked={a.doneAt !== null}
                onChange={(e) =>
                  void update(a.id, {
                    doneAt: (e.currentTarget as HTMLInputElement).checked ? now.toISOString() : null,
                  })
                }
              />{' '}
              <strong>{a.description}</strong>
            </label>
            <span class="actions-list__meta">
              {[a.owner, a.dueDay ? t('ui.fu.dueOn', { day: a.dueDay }) : ''].filter(Boolean).join(' · ')}
            </span>
            {a.doneAt && (
              <label class="actions-list__check">
                {t('ui.fu.effective')}{' '}
                <select
                  value={a.effectiveness.effective === null ? '' : String(a.effectiveness.effective)}
                  onChange={(e) => {
                    const v = (e.currentTarget as HTMLSelectElement).value;
                    void update(a.id, {
                      effectiveness: {
                        ...a.effectiveness,
                        effective: v === '' ? null : v === 'true',
                        checkedAt: v === '' ? null : now.toISOString(),
                      },
                    });
                  }}
                >
                  <option value="">{t('ui.fu.notChecked')}</option>
                  <option value="true">{t('ui.fu.yes')}</option>
                  <option value="false">{t('ui.fu.no')}</option>
                </select>
              </label>
            )}
          </li>
        ))}
      </ul>
      <form class="form__grid" onSubmit={add} aria-label={t('ui.fu.add')}>
        <Text
          label={t('ui.fu.description')}
          value={draft.description}
          wide
          onChange={(v) => setDraft({ ...draft, description: v })}
          testId="followup-description"
        />
        <Text label={t('ui.fu.owner')} value={draft.owner} onChange={(v) => setDraft({ ...draft, owner: v })} />
        <Text
          label={t('ui.fu.dueDay')}
          type="date"
          value={draft.dueDay}
          onChange={(v) => setDraft({ ...draft, dueDay: v })}
        />
        <div class="field">
          <button type="submit" class="button" data-testid="followup-add">
            {t('ui.fu.add')}
          </button>
        </div>
      </form>
      <div class="actions-row">
        {canFollow && (
          <TransitionButton
            label={t('ui.step.toFollowUp')}
            onRun={() => actions.transition('followingUp')}
            testId="to-followingUp"
          />
        )}
        {canClose && (
          <TransitionButton
            label={t('ui.step.close')}
            confirm={t('ui.step.confirmClose')}
            onRun={() => actions.transition('closed')}
            testId="to-closed"
          />
        )}
      </div>
      {c.phase !== 'registered' && c.phase !== 'notComplaint' && (
        <LetterComposer {...props} templates={templatesFor('followingUp').filter((m) => m.phase === 'followUp')} />
      )}
    </div>
  );
}
