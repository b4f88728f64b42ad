// The case file has two audiences: the customer or the mediator (the claim, its dates, the letters as sent,
// the decision and remedy, the mediator), and the company itself (everything). Internal fields never reach
// the first.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CaseFile } from '@/components/casefile/CaseFile';
import { audienceOf } from '@/components/casefile/model';
import { App } from '@/entrypoints/casefile/App';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { setLang } from '@/lib/i18n';
import type { Complaint } from '@/lib/register/schema';
import {
  addNote,
  createComplaint,
  extendDeadline,
  recordLetter,
  updateComplaint,
} from '@/lib/register/store/complaints';
import { getHistory, verifyComplaintChain } from '@/lib/register/store/queries';
import { saveSettings } from '@/lib/register/store/settings';
import { DEFAULT_MEDIATOR, DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { freshDatabase, newInput } from '../support/complaints';

/** Waits for the state, not a timer; the limit only catches a state that never comes (busy machines). */
const WAIT = { timeout: 10_000 };

const at = (iso: string) => ({ now: new Date(iso), actor: 'Julie Bernard' });

/** Internal values: each must be absent from the customer's case file and present in the internal one. */
const INTERNAL = {
  summary: 'Résumé-interne-12',
  rootCause: 'Cause-interne-1',
  immediateAction: 'Action-immédiate-2',
  customersAffected: '1234',
  mediationNotes: 'Note-médiation-5',
  followUp: 'Suivi-interne-7',
  closureSummary: 'Bilan-interne-8',
  agent: 'Julie Bernard',
  severity: 'Critique',
  scope: 'Systémique',
  chain: 'Intégrité de l’historique',
} as const;

/** What the customer's case file is for. */
const FOR_THE_CUSTOMER = {
  name: 'Claire Martin',
  claim: 'Remboursement-demandé-20',
  reasons: 'Motif-décision-3',
  remedy: 'Avoir-client-4',
  extension: 'Motif-prolongation-10',
  letter: 'Texte-envoyé-11',
  caseNumber: 'AME-2026-6',
} as const;

const linked = crypto.randomUUID();

beforeEach(async () => {
  setLang('fr');
  fakeBrowser.reset();
  await freshDatabase();
  await saveSettings({ company: { name: 'Maison Lumen SAS' } });
});
afterEach(cleanup);

async function handled(): Promise<Complaint> {
  const c = await createComplaint(
    newInput({ summary: INTERNAL.summary, remedyRequested: FOR_THE_CUSTOMER.claim }),
    DEFAULT_POLICY,
    at('2026-03-02T10:00:00Z'),
  );
  await extendDeadline(
    c.id,
    undefined,
    'answer',
    {
      newDueAt: '2026-04-30T16:00:00Z',
      reason: FOR_THE_CUSTOMER.extension,
      customerToldAt: '2026-03-03T09:00:00Z',
    },
    at('2026-03-03T09:00:00Z'),
  );
  await addNote(c.id, 'Note-interne-9', at('2026-03-03T10:00:00Z'));
  await recordLetter(
    c.id,
    {
      templateId: 'accuse-reception',
      templateVersion: 1,
      lang: 'fr',
      sha256: 'a'.repeat(64),
      at: '2026-03-03T11:00:00Z',
      channel: 'reply',
      sent: { text: `Madame,\n\n${FOR_THE_CUSTOMER.letter}`, html: '<p>Madame,</p>', inputs: {} },
    },
    at('2026-03-03T11:00:00Z'),
  );
  const current = await updateComplaint(
    c.id,
    undefined,
    {
      severity: 4,
      justified: 'partly',
      investigation: {
        rootCause: INTERNAL.rootCause,
        immediateAction: { taken: true, description: INTERNAL.immediateAction },
        scope: 'systemic',
        linkedComplaintIds: [linked],
        customersAffected: Number(INTERNAL.customersAffected),
      },
      decision: {
        outcome: 'partial',
        reasons: FOR_THE_CUSTOMER.reasons,
        nonConformity: false,
        causes: '',
        correctiveActions: '',
      },
      mediation: {
        referredAt: '2026-04-10T08:00:00.000Z',
        caseNumber: FOR_THE_CUSTOMER.caseNumber,
        outcome: 'pending',
        notes: INTERNAL.mediationNotes,
      },
      followUp: [
        {
          id: crypto.randomUUID(),
          description: INTERNAL.followUp,
          owner: 'Julie Bernard',
          dueDay: null,
          doneAt: null,
          effectiveness: { checkedAt: null, effective: null, note: '' },
        },
      ],
      closure: { closedAt: null, summary: INTERNAL.closureSummary },
    },
    at('2026-03-10T09:00:00Z'),
  );
  return updateComplaint(
    c.id,
    current.rev,
    { compensation: { ...current.compensation, kind: 'commercial', description: FOR_THE_CUSTOMER.remedy } },
    at('2026-03-10T09:05:00Z'),
  );
}

async function caseFile(c: Complaint, audience: 'customer' | 'internal') {
  return render(
    <CaseFile
      complaint={c}
      history={await getHistory(c.id)}
      verdict={await verifyComplaintChain(c.id)}
      settings={DEFAULT_SETTINGS}
      audience={audience}
      now={new Date('2026-04-20T10:00:00Z')}
      onPrint={vi.fn()}
    />,
  );
}

describe('the case file for the customer or the mediator', () => {
  it('holds the claim, its dates, the letters as sent, the decision and the mediator', async () => {
    const c = await handled();
    const { container } = await caseFile(c, 'customer');
    const text = container.textContent ?? '';
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      `Dossier de réclamation ${c.reference} pour le client ou le médiateur`,
    );
    for (const value of [c.reference, ...Object.values(FOR_THE_CUSTOMER), DEFAULT_MEDIATOR.name])
      expect(text).toContain(value);
    expect(screen.getByTestId('cf-dates').textContent).toContain('Reçue le');
    expect(screen.getByTestId('cf-letter-text').textContent).toBe(`Madame,\n\n${FOR_THE_CUSTOMER.letter}`);
  });

  it('leaves out every internal field', async () => {
    const c = await handled();
    const { container } = await caseFile(c, 'customer');
    const text = container.textContent ?? '';
    for (const value of [...Object.values(INTERNAL), 'Note-interne-9', linked]) expect(text).not.toContain(value);
    for (const section of ['steps', 'investigation', 'followUp', 'closure', 'chain', 'deadlines'])
      expect(screen.queryByTestId(`cf-${section}`), section).toBeNull();
    expect(text).not.toMatch(/Gravité|Fondée|Motif de la réclamation|Étape actuelle|Consignée le/);
  });

  it('leaves out the qualification note of an entry that was not a complaint', async () => {
    const c = await createComplaint(newInput(), DEFAULT_POLICY, at('2026-03-02T10:00:00Z'));
    const requalified = await updateComplaint(
      c.id,
      undefined,
      { isComplaint: false, qualificationNote: 'Qualif-interne-13' },
      at('2026-03-02T11:00:00Z'),
    );
    const { container } = await caseFile(requalified, 'customer');
    expect(container.textContent).not.toContain('Qualif-interne-13');
    cleanup();
    const internal = await caseFile(requalified, 'internal');
    expect(internal.container.textContent).toContain('Qualif-interne-13');
  });
});

describe('the internal case file', () => {
  it('holds everything, as before', async () => {
    const c = await handled();
    const { container } = await caseFile(c, 'internal');
    const text = container.textContent ?? '';
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      `Dossier de réclamation ${c.reference} (interne)`,
    );
    for (const value of [
      INTERNAL.summary,
      INTERNAL.rootCause,
      INTERNAL.immediateAction,
      INTERNAL.customersAffected,
      INTERNAL.mediationNotes,
      INTERNAL.followUp,
      INTERNAL.agent,
      INTERNAL.severity,
      INTERNAL.scope,
      INTERNAL.chain,
      ...Object.values(FOR_THE_CUSTOMER),
    ])
      expect(text).toContain(value);
  });
});

describe('the choice of audience on the case file page', () => {
  it('reads the audience from the address, internal when unsaid', () => {
    expect(audienceOf('?id=x&audience=customer')).toBe('customer');
    expect(audienceOf('?id=x&audience=internal')).toBe('internal');
    expect(audienceOf('?id=x')).toBe('internal');
    expect(audienceOf('?id=x&audience=<script>')).toBe('internal');
  });

  it('switches between the two versions, the title saying which, and keeps the choice in the address', async () => {
    const c = await handled();
    render(<App id={c.id} audience="customer" />);
    await screen.findByTestId('casefile');
    await vi.waitFor(
      () => expect(document.title).toBe(`Dossier de réclamation ${c.reference} pour le client ou le médiateur`),
      WAIT,
    );
    expect(screen.getByTestId('cf-audience-customer').getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByTestId('cf-investigation')).toBeNull();
    fireEvent.click(screen.getByTestId('cf-audience-internal'));
    await screen.findByTestId('cf-investigation');
    await vi.waitFor(() => expect(document.title).toBe(`Dossier de réclamation ${c.reference} (interne)`), WAIT);
    expect(new URLSearchParams(location.search).get('audience')).toBe('internal');
    expect(screen.getByTestId('cf-audience').closest('.no-print')).toBeTruthy();
  });
});
