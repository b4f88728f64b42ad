// The team register in the pages: the side panel's sync indicator in each state, the conflict shown side by
// side with both choices, and the options section (the token field is never filled back).
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SettingsForm } from '@/components/options/SettingsForm';
import { ConflictList } from '@/components/team/ConflictList';
import { SyncIndicator } from '@/components/team/SyncIndicator';
import { TeamSection } from '@/components/team/TeamSection';
import { setLang } from '@/lib/i18n';
import { sealEvent } from '@/lib/register/history';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { showConflict } from '@/lib/sync/conflicts';
import { OFF_STATUS, type SyncStatus } from '@/lib/sync/connection';
import type { Operation } from '@/lib/sync/protocol';
import { complaint } from '../support/complaints';

const agent = { id: crypto.randomUUID(), name: 'Claire Martin', role: 'agent' as const, org: 'Maison Lumen' };
const status = (patch: Partial<SyncStatus>): SyncStatus => ({
  state: 'connected',
  pending: 0,
  waiting: 0,
  lastSyncAt: '2026-03-02T10:00:00.000Z',
  identity: { server: 'https://registre.example.fr', agent },
  ...patch,
});

describe('the sync indicator', () => {
  it('shows nothing for a register that never joined a team', () => {
    const { container } = render(<SyncIndicator status={OFF_STATUS} onRetry={() => undefined} />);
    expect(container.textContent).toBe('');
  });

  it('says it is in sync, with the last sync time and no retry button', () => {
    render(<SyncIndicator status={status({})} onRetry={() => undefined} />);
    expect(screen.getByTestId('sync-indicator').textContent).toMatch(/Synchronisé.*Dernière synchronisation : /);
    expect(screen.queryByTestId('sync-retry')).toBeNull();
  });

  it.each([
    [
      'offline',
      'Hors ligne',
      { code: 'offline', params: {} },
      /^Le navigateur est hors ligne : les changements partiront/,
    ],
    [
      'revoked',
      'Jeton révoqué',
      { code: 'revoked', params: {} },
      /^Le serveur refuse ce jeton \(révoqué\) : vos changements restent en attente ; reconnectez-vous avec un nouveau jeton/,
    ],
    [
      'forbidden',
      'Refusé par le serveur',
      { code: 'forbidden', params: { message: 'Un auditeur consulte le registre mais n’y écrit pas.' } },
      /^Le serveur refuse l’accès à votre compte \(403\) : Un auditeur consulte le registre mais n’y écrit pas\. Vos changements restent en attente/,
    ],
    [
      'unreachable',
      'Serveur injoignable',
      { code: 'unreachable', params: { origin: 'https://registre.example.fr' } },
      /^Le serveur ne répond pas : les changements partiront dès qu’il répondra\.$/,
    ],
    [
      'unreachable',
      'Serveur injoignable',
      { code: 'serverError', params: { detail: 'Base en maintenance.' } },
      /^Le serveur a répondu par une erreur \(Base en maintenance\.\) : vos changements restent en attente/,
    ],
    [
      'permission',
      'Autorisation retirée',
      { code: 'permission', params: {} },
      /^L’autorisation de joindre le serveur a été retirée : reconnectez-vous depuis les options/,
    ],
    [
      'newerProtocol',
      'Extension à mettre à jour',
      { code: 'newerProtocol', params: { server: 3, mine: 2 } },
      /version plus récente du protocole \(3\) que cette extension \(2\) : mettez l’extension à jour/,
    ],
  ] as const)(
    'says precisely why it is not syncing (%s), how many changes wait, and offers to retry',
    (state, label, reason, text) => {
      const onRetry = vi.fn();
      render(<SyncIndicator status={status({ state, pending: 3, reason })} onRetry={onRetry} />);
      expect(screen.getByTestId('sync-indicator').querySelector('strong')?.textContent).toBe(label);
      expect(screen.getByTestId('sync-pending').textContent).toContain('3 en attente');
      expect(screen.getByTestId('sync-reason').textContent).toMatch(text);
      fireEvent.click(screen.getByTestId('sync-retry'));
      expect(onRetry).toHaveBeenCalledOnce();
    },
  );

  it('translates the reason code into the page’s language, not the background’s', () => {
    setLang('en');
    try {
      render(
        <SyncIndicator
          status={status({ state: 'revoked', reason: { code: 'revoked', params: {} } })}
          onRetry={() => undefined}
        />,
      );
      expect(screen.getByTestId('sync-reason').textContent).toMatch(/^The server refuses this token \(revoked\)/);
    } finally {
      setLang('fr');
    }
  });

  it('still says why for a state published without a reason code (a worker of the previous version)', () => {
    render(<SyncIndicator status={status({ state: 'revoked' })} onRetry={() => undefined} />);
    expect(screen.getByTestId('sync-reason').textContent).toMatch(/^Le serveur refuse ce jeton \(révoqué\)/);
  });
});

describe('a conflict', () => {
  it('shows both values with who changed the team’s and when, and offers both choices', async () => {
    const base = complaint({ subject: 'Colis cassé' });
    const theirs = { ...base, subject: 'Lampe cassée', rev: 2 };
    const event = await sealEvent(
      {
        id: crypto.randomUUID(),
        complaintId: base.id,
        at: '2026-03-02T11:00:00.000Z',
        actor: 'Paul Durand',
        type: 'updated',
        changes: [{ path: 'subject', from: 'Colis cassé', to: 'Lampe cassée' }],
      },
      base.historyHead,
      1,
    );
    const op = {
      kind: 'update',
      complaintId: base.id,
      patch: { subject: '<b>Pied fendu</b>' },
    } as unknown as Operation;
    const shown = showConflict({ key: 'conflict:1', paths: ['subject'], op, theirs, at: '2026-03-02T12:00:00.000Z' }, [
      event,
    ]);
    const onKeep = vi.fn();
    render(<ConflictList conflicts={[shown]} onKeep={onKeep} />);
    expect(screen.getByTestId('conflict-mine').textContent).toContain('<b>Pied fendu</b>'); // as text, never HTML
    expect(screen.getByTestId('conflict-theirs').textContent).toContain('Lampe cassée');
    expect(screen.getByTestId('conflict-theirs').textContent).toContain('Valeur de Paul Durand');
    expect(screen.getByTestId('keep-theirs').textContent).toBe('Garder celle de Paul Durand');
    fireEvent.click(screen.getByTestId('keep-mine'));
    fireEvent.click(screen.getByTestId('keep-theirs'));
    expect(onKeep.mock.calls).toEqual([
      ['conflict:1', 'mine'],
      ['conflict:1', 'theirs'],
    ]);
  });
});

describe('a reassignment in conflict', () => {
  it('shows both holders by name: the one I chose and the one the team has', () => {
    const theirs = { ...complaint(), assignee: { id: 'a3', name: 'Léa Petit' } };
    const op = {
      kind: 'assign',
      complaintId: theirs.id,
      assignee: { id: 'a2', name: 'Paul Durand' },
    } as unknown as Operation;
    const shown = showConflict(
      { key: 'conflict:2', paths: ['assignee'], op, theirs, at: '2026-03-02T12:00:00.000Z' },
      [],
    );
    expect(shown.mine).toEqual({ assignee: 'Paul Durand' });
    expect(shown.theirs).toEqual({ assignee: 'Léa Petit' });
  });
});

describe('the options section', () => {
  it('connects with the address and token typed, and shows organisation, name and role once connected', async () => {
    const onConnect = vi.fn(async () => null);
    const { rerender } = render(
      <TeamSection status={OFF_STATUS} managedServer={null} onConnect={onConnect} onDisconnect={async () => {}} />,
    );
    fireEvent.input(screen.getByTestId('team-server'), { target: { value: 'https://registre.example.fr' } });
    fireEvent.input(screen.getByTestId('team-token'), { target: { value: 'tok_9f2KxQ7mZp4Lw8Rt3Vb6Nc1Hd5Gs0Ja' } });
    fireEvent.click(screen.getByTestId('team-connect'));
    expect(onConnect).toHaveBeenCalledWith('https://registre.example.fr', 'tok_9f2KxQ7mZp4Lw8Rt3Vb6Nc1Hd5Gs0Ja');
    rerender(
      <TeamSection status={status({})} managedServer={null} onConnect={onConnect} onDisconnect={async () => {}} />,
    );
    expect(screen.getByTestId('team-identity').textContent).toBe(
      'Connecté à « Maison Lumen » en tant que Claire Martin (agent).',
    );
  });

  it('shows the address the company’s policy sets, not editable', () => {
    render(
      <TeamSection
        status={OFF_STATUS}
        managedServer="https://registre.lumen.fr"
        onConnect={async () => null}
        onDisconnect={async () => {}}
      />,
    );
    expect(screen.queryByTestId('team-server')).toBeNull();
    expect(screen.getByTestId('team-server-managed').textContent).toContain('https://registre.lumen.fr');
  });

  it('offers the complaints held before joining, and sends them only on the agent’s click', async () => {
    const onOnboard = vi.fn(async () => '3 réclamation(s) envoyée(s) à l’équipe.');
    const props = { managedServer: null, onConnect: async () => null, onDisconnect: async () => {}, onOnboard };
    const { rerender } = render(<TeamSection status={status({ waiting: 3 })} {...props} />);
    expect(screen.getByTestId('team-onboard').textContent).toContain(
      'Ce registre contenait 3 réclamation(s) quand vous avez rejoint l’équipe.',
    );
    expect(onOnboard).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('team-onboard-send'));
    expect(onOnboard).toHaveBeenCalledTimes(1);
    expect((await screen.findByTestId('team-onboard-message')).textContent).toBe(
      '3 réclamation(s) envoyée(s) à l’équipe.',
    );
    rerender(<TeamSection status={status({ waiting: 0 })} {...props} />);
    expect(screen.queryByTestId('team-onboard-send')).toBeNull();
    // An auditor writes nothing: no offer.
    const auditor = { ...agent, role: 'auditor' as const };
    rerender(
      <TeamSection
        status={status({ waiting: 3, identity: { server: 'https://r.example.fr', agent: auditor } })}
        {...props}
      />,
    );
    expect(screen.queryByTestId('team-onboard-send')).toBeNull();
  });
});

describe('the organisation’s settings in the options', () => {
  it('are read-only for an agent, who still chooses their language', () => {
    render(<SettingsForm settings={DEFAULT_SETTINGS} year={2026} onSubmit={vi.fn()} orgManaged />);
    expect(screen.getByTestId('org-defined').textContent).toBe('Défini par votre organisation');
    expect((screen.getByTestId('org-settings') as HTMLFieldSetElement).disabled).toBe(true);
    expect((screen.getByTestId('policy-preset') as HTMLSelectElement).closest('fieldset')?.disabled).toBe(true);
  });

  it('stay editable outside a team, and for a manager', () => {
    render(<SettingsForm settings={DEFAULT_SETTINGS} year={2026} onSubmit={vi.fn()} />);
    expect(screen.queryByTestId('org-defined')).toBeNull();
    expect((screen.getByTestId('org-settings') as HTMLFieldSetElement).disabled).toBe(false);
  });
});
