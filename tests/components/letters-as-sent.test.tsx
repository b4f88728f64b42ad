// The letter that was sent is part of the register: the composer's letter goes out (here, onto the
// clipboard: no webmail tab shows the thread) and the real background handlers record its exact text, HTML
// and typed values. Editing the template afterwards changes nothing in what the case file says was sent.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ExtendDeadline } from '@/components/complaint/ExtendDeadline';
import { History } from '@/components/complaint/History';
import { LetterComposer } from '@/components/complaint/LetterComposer';
import { SentLetters } from '@/components/complaint/SentLetters';
import { App as CaseFilePage } from '@/entrypoints/casefile/App';
import { complaintActions } from '@/entrypoints/sidepanel/actions';
import { startBackground } from '@/lib/extension/background/start';
import { send } from '@/lib/extension/protocol';
import { setLang } from '@/lib/i18n';
import { SHIPPED_SOURCES, templateMeta } from '@/lib/letters/catalog';
import type { TemplateMeta } from '@/lib/letters/meta';
import { renderLetter } from '@/lib/letters/render';
import { sha256Hex } from '@/lib/register/canonical-json';
import type { Complaint } from '@/lib/register/schema';
import { getTemplateOverrides } from '@/lib/register/store/letter-overrides';
import { getComplaint, getHistory, verifyComplaintChain } from '@/lib/register/store/queries';
import { getSettings } from '@/lib/register/store/settings';
import { freshDatabase, newInput } from '../support/complaints';

const NOW = new Date('2026-03-03T10:00:00Z');

/** What the clipboard received, in whichever way the browser offers (rich items or plain text). */
let clipboard: { text?: string; html?: string };

beforeEach(async () => {
  setLang('fr');
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
  clipboard = {};
  vi.stubGlobal('navigator', {
    ...navigator,
    clipboard: {
      writeText: async (text: string) => {
        clipboard = { text };
      },
      write: async (items: ClipboardItem[]) => {
        const [item] = items;
        if (!item) return;
        clipboard = {
          text: await (await item.getType('text/plain')).text(),
          html: await (await item.getType('text/html')).text(),
        };
      },
    },
  });
  await send({
    type: 'settings/save',
    settings: {
      company: { name: 'Maison Lumen', address: '12 rue des Lampes, 69002 Lyon' },
      signature: { name: 'Camille Roux', title: 'Service clients' },
      agentName: 'Camille Roux',
    },
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const meta = (id: string): TemplateMeta => {
  const found = templateMeta(id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
};

async function composer(c: Complaint, templates: TemplateMeta[], extensionAt?: string) {
  const settings = await getSettings();
  return render(
    <LetterComposer
      complaint={c}
      settings={settings}
      overrides={await getTemplateOverrides()}
      now={NOW}
      actions={complaintActions(c, () => undefined)}
      templates={templates}
      extensionAt={extensionAt}
    />,
  );
}

/** Types a value in every required fill-in field of the letter shown, then inserts it. */
async function fillAndInsert(letter: TemplateMeta, values: Record<string, string> = {}) {
  for (const input of letter.inputs) {
    const value = values[input.id] ?? (input.required ? (input.kind === 'date' ? '2026-03-20' : 'Motif') : undefined);
    if (value === undefined) continue;
    const field = screen.getByLabelText(`${input.label.fr}${input.required ? ' *' : ''}`);
    fireEvent.input(field, { target: { value } });
  }
  await waitFor(() => expect(screen.getByTestId('insert-letter').hasAttribute('disabled')).toBe(false));
  if (Object.keys(values).length > 0) {
    const first = Object.values(values)[0] ?? '';
    await waitFor(() => expect(screen.getByTestId('letter-preview').textContent).toContain(first.split('\n')[0]));
  }
  fireEvent.click(screen.getByTestId('insert-letter'));
  await waitFor(() => expect(screen.getByTestId('letter-outcome').className).toBe('notice'));
}

describe('the letter as sent, kept by the register', () => {
  it('shows in the case file, byte for byte, the letter copied before its template was edited', async () => {
    const c = await send({ type: 'complaint/create', input: newInput() });
    const info = meta('demande-informations');
    await composer(c, [info]);
    const typed = 'Une photo du colis\nLe numéro de suivi « 8K-12 » & la facture';
    await fillAndInsert(info, { informations: typed });
    expect(screen.getByTestId('letter-outcome').textContent).toMatch(/copié dans le presse-papiers/);
    const copied = clipboard.text ?? '';
    expect(copied).toContain('Une photo du colis');

    const [letter] = (await getComplaint(c.id))?.letters ?? [];
    expect(letter).toMatchObject({ templateId: 'demande-informations', channel: 'clipboard' });
    expect(letter?.sent?.text).toBe(copied);
    expect(letter?.sent?.inputs).toEqual({ informations: typed });
    expect(letter?.sent?.html).toContain('&amp; la facture');
    if (clipboard.html !== undefined) expect(letter?.sent?.html).toBe(clipboard.html);
    expect(letter?.sha256).toBe(await sha256Hex(copied));
    cleanup();

    // The agent rewrites the template in the options afterwards.
    const edited = `Texte réécrit après l’envoi.\n\n${SHIPPED_SOURCES.fr['demande-informations']}`;
    await send({ type: 'templates/save', id: 'demande-informations', lang: 'fr', source: edited });
    const overrides = await getTemplateOverrides();
    const own = overrides['demande-informations']?.fr;
    expect(own?.version).toBe(info.version + 1);
    const today = await renderLetter(
      'demande-informations',
      (await getComplaint(c.id)) as Complaint,
      await getSettings(),
      {
        inputs: { informations: typed },
        now: NOW,
        lang: 'fr',
        override: own && { source: own.source, version: own.version },
      },
    );
    expect(today.ok && today.text).toContain('Texte réécrit après l’envoi.');

    render(<CaseFilePage id={c.id} />);
    const shown = await screen.findByTestId('cf-letter-text');
    expect(shown.textContent).toBe(copied);
    expect(screen.getByTestId('cf-letters').textContent).not.toContain('Texte réécrit');
    expect(screen.queryByTestId('cf-letter-not-kept')).toBeNull();
    expect(await verifyComplaintChain(c.id)).toMatchObject({ ok: true });
  });

  it('shows the stored text in the complaint view and names the letter in the history', async () => {
    const c = await send({ type: 'complaint/create', input: newInput() });
    const info = meta('demande-informations');
    await composer(c, [info]);
    await fillAndInsert(info, { informations: 'Le bon de livraison signé' });
    cleanup();
    const saved = (await getComplaint(c.id)) as Complaint;
    render(
      <>
        <SentLetters complaint={saved} />
        <History events={await getHistory(c.id)} verdict={null} complaint={saved} />
      </>,
    );
    expect(screen.getByTestId('sent-letter-text').textContent).toBe(saved.letters[0]?.sent?.text);
    expect(screen.getByTestId('history-letter').textContent).toContain('Demande d’informations complémentaires');
    // The history names the letter; its text is not dumped there as raw data.
    expect(screen.getByTestId('history').textContent).not.toContain('Le bon de livraison signé');
  });

  it('shows a letter recorded before the register kept the text as such, never re-rendered', async () => {
    const c = await send({ type: 'complaint/create', input: newInput() });
    await send({
      type: 'complaint/letter',
      id: c.id,
      letter: {
        templateId: 'accuse-reception',
        templateVersion: 1,
        lang: 'fr',
        sha256: 'c'.repeat(64),
        at: '2026-03-02T15:00:00Z',
        channel: 'reply',
      },
    });
    render(<CaseFilePage id={c.id} />);
    const notice = await screen.findByTestId('cf-letter-not-kept');
    expect(notice.textContent).toMatch(
      /^Texte non conservé : courrier enregistré avant que le registre garde le texte/,
    );
    const letter = screen.getByTestId('cf-letter');
    expect(letter.textContent).toContain('accuse-reception');
    expect(letter.textContent).toContain('c'.repeat(64));
    expect(screen.queryByTestId('cf-letter-text')).toBeNull();
    expect(letter.textContent).not.toContain('Madame, Monsieur');
    cleanup();
    const saved = (await getComplaint(c.id)) as Complaint;
    render(<SentLetters complaint={saved} />);
    expect(screen.getByTestId('sent-letter-not-kept').textContent).toMatch(/^Texte non conservé/);
  });

  it('refuses at the message boundary a letter text beyond the register’s limit, writing nothing', async () => {
    const c = await send({ type: 'complaint/create', input: newInput() });
    const answer = await fakeBrowser.runtime.sendMessage({
      type: 'complaint/letter',
      id: c.id,
      letter: {
        templateId: 'accuse-reception',
        templateVersion: 1,
        lang: 'fr',
        sha256: 'd'.repeat(64),
        at: '2026-03-02T15:00:00Z',
        channel: 'reply',
        sent: { text: 'x'.repeat(100_001), html: '', inputs: {} },
      },
    });
    expect(answer).toMatchObject({ ok: false, error: { key: 'error.invalidInput' } });
    expect((await getComplaint(c.id))?.letters).toEqual([]);
  });

  it('neither inserts nor copies a letter whose typed value the register could not keep', async () => {
    const c = await send({ type: 'complaint/create', input: newInput() });
    const info = meta('demande-informations');
    await composer(c, [info]);
    fireEvent.input(screen.getByLabelText(`${info.inputs[0]?.label.fr} *`), { target: { value: 'y'.repeat(20_001) } });
    await waitFor(() => expect(screen.getByTestId('insert-letter').hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByTestId('insert-letter'));
    await waitFor(() => expect(screen.getByTestId('letter-outcome').className).toBe('warning'));
    expect(clipboard.text).toBeUndefined();
    expect((await getComplaint(c.id))?.letters).toEqual([]);
  });
});

describe('the letter announcing a deadline extension', () => {
  async function extended() {
    const c = await send({ type: 'complaint/create', input: newInput() });
    return send({
      type: 'complaint/extend',
      id: c.id,
      clock: 'answer',
      newDueAt: '2026-04-30T16:00:00.000Z',
      reason: 'Expertise du transporteur en cours',
      customerToldAt: '2026-03-03T09:00:00.000Z',
    });
  }

  it('is offered once an extension is recorded, on the extension letter, and linked to it when sent', async () => {
    const c = await extended();
    const extension = c.clocks.answer.extensions[0];
    const settings = await getSettings();
    render(
      <ExtendDeadline
        complaint={c}
        settings={settings}
        overrides={await getTemplateOverrides()}
        now={NOW}
        actions={complaintActions(c, () => undefined)}
      />,
    );
    fireEvent.click(screen.getByTestId('extension-letter-offer'));
    const letter = templateMeta('prolongation-delai');
    if (!letter) {
      // Until the template ships, the composer's refusal of an unknown template stands in for it.
      expect(screen.getByTestId('extension-letter-missing').textContent).toContain('prolongation-delai');
      return;
    }
    expect((screen.getByTestId('letter-template') as HTMLSelectElement).value).toBe('prolongation-delai');
    await fillAndInsert(letter);
    const saved = (await getComplaint(c.id)) as Complaint;
    expect(saved.letters[0]).toMatchObject({ templateId: 'prolongation-delai', extensionAt: extension?.at });
  });

  it('is linked to its extension in the complaint view, the history and the case file', async () => {
    const c = await extended();
    const extension = c.clocks.answer.extensions[0];
    await send({
      type: 'complaint/letter',
      id: c.id,
      letter: {
        templateId: 'prolongation-delai',
        templateVersion: 1,
        lang: 'fr',
        sha256: 'e'.repeat(64),
        at: '2026-03-03T09:05:00Z',
        channel: 'clipboard',
        sent: { text: 'Madame, Monsieur,\n\nNous prolongeons le délai.', html: '<p>…</p>', inputs: {} },
        extensionAt: extension?.at,
      },
    });
    const saved = (await getComplaint(c.id)) as Complaint;
    render(
      <>
        <SentLetters complaint={saved} />
        <History events={await getHistory(c.id)} verdict={null} complaint={saved} />
      </>,
    );
    const announces = /^Annonce la prolongation du délai jusqu’au 30 avr\. 2026 à 18:00/;
    expect(screen.getByTestId('sent-letter-extension').textContent).toMatch(announces);
    expect(within(screen.getByTestId('history-letter')).getByText(announces)).toBeTruthy();
    cleanup();
    render(<CaseFilePage id={c.id} />);
    expect((await screen.findByTestId('cf-letter-extension')).textContent).toMatch(announces);
  });

  it('is no longer offered once a letter announces the latest extension', async () => {
    const c = await extended();
    await send({
      type: 'complaint/letter',
      id: c.id,
      letter: {
        templateId: 'prolongation-delai',
        templateVersion: 1,
        lang: 'fr',
        sha256: 'e'.repeat(64),
        at: '2026-03-03T09:05:00Z',
        channel: 'clipboard',
        extensionAt: c.clocks.answer.extensions[0]?.at,
      },
    });
    const saved = (await getComplaint(c.id)) as Complaint;
    render(
      <ExtendDeadline
        complaint={saved}
        settings={await getSettings()}
        overrides={{}}
        now={NOW}
        actions={complaintActions(saved, () => undefined)}
      />,
    );
    expect(screen.queryByTestId('extension-letter-offer')).toBeNull();
  });
});
