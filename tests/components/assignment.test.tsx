// The side panel's assignment (issue 13): the holder and a manager get a select of the team's agents, anyone
// else sees who holds it; « À moi » / « Toute l'équipe » appear in a team register only; the history says
// « Attribuée à … ».
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AssigneePicker } from '@/components/complaint/AssigneePicker';
import { History } from '@/components/complaint/History';
import { RegisterFilters } from '@/components/RegisterFilters';
import { RegisterList } from '@/components/RegisterList';
import { isEmptyFilter, matchesFilter } from '@/lib/register/filters';
import type { HistoryEvent } from '@/lib/register/history';
import { DEFAULT_CATEGORIES } from '@/lib/settings/schema';
import type { TeamAgent } from '@/lib/sync/protocol';
import { complaint } from '../support/complaints';

const CLAIRE = { id: crypto.randomUUID(), name: 'Claire Martin' };
const PAUL = { id: crypto.randomUUID(), name: 'Paul Durand' };
const AGENTS: TeamAgent[] = [
  { ...CLAIRE, role: 'agent' },
  { ...PAUL, role: 'agent' },
  { id: crypto.randomUUID(), name: 'Audrey Audit', role: 'auditor' },
];
const NOW = new Date('2026-03-10T12:00:00Z');
const held = { ...complaint(), assignee: CLAIRE };

describe('the assignee picker', () => {
  it('lets the holder hand the complaint to another agent (auditors not offered)', async () => {
    const onAssign = vi.fn(async () => undefined);
    render(
      <AssigneePicker complaint={held} me={{ id: CLAIRE.id, role: 'agent' }} agents={AGENTS} onAssign={onAssign} />,
    );
    const select = screen.getByTestId('assignee-select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(['Claire Martin', 'Paul Durand']);
    expect(screen.getByTestId('assignee-save')).toHaveProperty('disabled', true);
    fireEvent.change(select, { target: { value: PAUL.id } });
    fireEvent.click(screen.getByTestId('assignee-save'));
    expect(onAssign).toHaveBeenCalledWith(PAUL);
  });

  it('shows a refusal in French, and who holds it to an agent who may not reassign', async () => {
    const onAssign = vi.fn(async () => ({ message: 'Refusé par le serveur' }));
    const { unmount } = render(
      <AssigneePicker complaint={held} me={{ id: PAUL.id, role: 'manager' }} agents={AGENTS} onAssign={onAssign} />,
    );
    fireEvent.change(screen.getByTestId('assignee-select'), { target: { value: PAUL.id } });
    fireEvent.click(screen.getByTestId('assignee-save'));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Refusé par le serveur');
    unmount();
    render(<AssigneePicker complaint={held} me={{ id: PAUL.id, role: 'agent' }} agents={AGENTS} onAssign={onAssign} />);
    expect(screen.queryByTestId('assignee-select')).toBeNull();
    expect(screen.getByTestId('assignee-name').textContent).toBe('Claire Martin');
    expect(screen.getByTestId('assignee').textContent).toContain(
      'Seul un responsable ou Claire Martin peut la réattribuer.',
    );
  });

  it('keeps a holder whose access was revoked in the list, and says when the list cannot be read', () => {
    render(
      <AssigneePicker
        complaint={held}
        me={{ id: CLAIRE.id, role: 'agent' }}
        agents={null}
        error="Le serveur ne répond pas."
        onAssign={vi.fn()}
      />,
    );
    const select = screen.getByTestId('assignee-select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(['Claire Martin']);
    expect(screen.getByRole('status').textContent).toBe('Liste des agents indisponible : Le serveur ne répond pas.');
  });
});

describe('the register list in a team register', () => {
  it('offers « À moi » / « Toute l’équipe » only in a team register, and filters by the holder', () => {
    const mine = held;
    const theirs = { ...complaint(), assignee: PAUL };
    const onChange = vi.fn();
    const { unmount } = render(<RegisterFilters filter={{}} categories={DEFAULT_CATEGORIES} onChange={onChange} />);
    expect(screen.queryByTestId('filter-scope')).toBeNull();
    unmount();
    render(<RegisterFilters filter={{}} categories={DEFAULT_CATEGORIES} onChange={onChange} me={CLAIRE.id} />);
    const scope = screen.getByTestId('filter-scope') as HTMLSelectElement;
    expect([...scope.options].map((o) => o.text)).toEqual(['Toute l’équipe', 'À moi']);
    fireEvent.change(scope, { target: { value: 'mine' } });
    expect(onChange).toHaveBeenCalledWith({ assignee: CLAIRE.id });
    const accept = matchesFilter({ assignee: CLAIRE.id }, NOW, 24);
    expect([mine, theirs, complaint()].map(accept)).toEqual([true, false, false]);
    expect(isEmptyFilter({ assignee: CLAIRE.id })).toBe(false);
  });

  it('names the holder on each row of a team register, and nothing on a local one', () => {
    render(
      <RegisterList complaints={[held, complaint()]} now={NOW} dueSoonHours={24} filtered={false} onOpen={vi.fn()} />,
    );
    expect(screen.getAllByTestId('row-assignee').map((e) => e.textContent)).toEqual(['Attribuée à Claire Martin']);
  });
});

describe('the history', () => {
  it('says « Attribuée à » with the new holder’s name', () => {
    const event = {
      id: crypto.randomUUID(),
      complaintId: held.id,
      seq: 2,
      at: '2026-03-03T10:00:00.000Z',
      actor: 'Claire Martin',
      type: 'assigned',
      changes: [{ path: 'assignee', from: CLAIRE, to: PAUL }],
      prevHash: '0'.repeat(64),
      hash: '1'.repeat(64),
    } satisfies HistoryEvent;
    render(<History events={[event]} verdict={null} complaint={held} />);
    expect(screen.getByTestId('history-assigned').textContent).toBe('Attribuée à Paul Durand');
    expect(screen.getByTestId('history-event').textContent).toContain('Attribution');
  });
});
