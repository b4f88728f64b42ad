// One complaint from a Gmail message through the six steps of the process, in real Chromium: letters
// inserted into Gmail's reply editor, and the register, the history and the badge checked at each step.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterSettings } from '../support/letter-settings';
import { badge, launch, type Session, sendFrom } from './support/chromium';
import { openGmail } from './support/gmail';

let session: Session;
let gmail: Page;
let panel: Page;

beforeAll(async () => {
  session = await launch();
});
afterAll(() => session?.close());

const stored = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{
        reference: string;
        phase: string;
        clocks: { ack: { metAt: string | null }; answer: { metAt: string | null } };
        letters: { templateId: string; sha256: string; channel: string }[];
      }>((resolve) => {
        indexedDB.open('complaint-register').onsuccess = (e) => {
          const r = (e.target as IDBOpenDBRequest).result.transaction('complaints').objectStore('complaints').getAll();
          r.onsuccess = () => resolve(r.result[0]);
        };
      }),
  );
const historyTypes = async () =>
  (await panel.getByTestId('history-event').allTextContents()).map((s) => s.split(' · ')[0]);
const editorText = () => gmail.locator('div[g_editable="true"]').innerText();

async function save(section: string) {
  await panel.getByTestId(section).getByRole('button', { name: 'Enregistrer' }).click();
  await panel.getByTestId(section).getByText('Enregistré.').waitFor();
}

describe('a complaint walked through the whole process', () => {
  it('is logged from Gmail; a letter with a missing signature is refused and names what is missing', async () => {
    gmail = await openGmail(session.context, 'gmail-handmade-reply-open.html');
    await gmail.getByTestId('log-complaint').click();
    panel = await session.openPage('sidepanel.html');
    panel.on('dialog', (d) => void d.accept());
    await panel.getByLabel('Motif').selectOption('livraison');
    await panel.getByLabel('Ce que demande le client').fill('Le remboursement de la lampe');
    await panel.getByTestId('save-complaint').click();
    await panel.getByTestId('saved-notice').waitFor();
    await expect.poll(historyTypes).toEqual(['Création']);
    const composer = panel.getByTestId('letter-composer');
    await composer.getByTestId('letter-missing').waitFor();
    expect(await composer.getByTestId('letter-missing').innerText()).toMatch(/signataire/i);
    expect(await composer.getByTestId('insert-letter').isDisabled()).toBe(true);
  });

  it('acknowledges with the letter inserted into the Gmail reply, and records it', async () => {
    const settings = letterSettings('Camille Roux');
    expect((await sendFrom(panel, { type: 'settings/save', settings })).ok).toBe(true);
    const composer = panel.getByTestId('letter-composer');
    await composer.getByTestId('letter-preview').waitFor();
    const { reference } = await stored(panel);
    expect(await composer.getByTestId('letter-preview').innerText()).toContain(reference);
    await composer.getByTestId('insert-letter').click();
    await expect.poll(() => composer.getByTestId('letter-outcome').textContent()).toMatch(/inséré dans la réponse/);
    const text = await editorText();
    expect(text).toContain(reference);
    expect(text.indexOf(reference)).toBeLessThan(text.search(/a écrit|wrote/)); // above the quoted message
    await panel.getByTestId('mark-acknowledged').first().click();
    await expect.poll(async () => (await stored(panel)).phase).toBe('acknowledged');
    const after = await stored(panel);
    expect(after.letters).toEqual([
      expect.objectContaining({
        templateId: 'accuse-reception',
        channel: 'reply',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    expect(after.clocks.ack.metAt).not.toBeNull();
    await expect.poll(historyTypes).toEqual(['Création', 'Courrier', 'Changement d’étape']);
  });

  it('investigates and answers, with the answer letter inserted and a step refused while the decision is missing', async () => {
    await panel.getByTestId('start-investigation').click();
    await expect.poll(async () => (await stored(panel)).phase).toBe('investigating');
    await panel.getByTestId('severity').selectOption('2');
    await panel.getByTestId('justified').selectOption('yes');
    await panel.getByTestId('scope').selectOption('isolated');
    await panel.getByTestId('root-cause').fill('Colis mal calé par le préparateur');
    await save('investigate-step');

    await panel.getByTestId('step-answer').click();
    await panel.getByTestId('mark-answered').click();
    const refused = panel.getByRole('alert').filter({ hasText: 'Étape refusée' });
    await refused.waitFor();
    expect(await refused.innerText()).toContain('Choisissez la décision');

    await panel.getByTestId('outcome').selectOption('favourable');
    await panel.getByTestId('reasons').fill('Le colis a été endommagé lors de la préparation.');
    await panel.getByTestId('compensation-kind').selectOption('financial');
    await panel.getByTestId('compensation-amount').fill('30');
    await panel.getByTestId('compensation-method').selectOption('transfer');
    await panel.getByTestId('compensation-due-day').fill('2026-12-15');
    await save('answer-step');
    const composer = panel.getByTestId('letter-composer');
    await composer.getByTestId('letter-template').selectOption('reponse-favorable');
    await composer.getByTestId('letter-preview').waitFor();
    const preview = await composer.getByTestId('letter-preview').innerText();
    // The claim is restated before the decision; the money is stated with its method and payment date.
    expect(preview).toContain('Le remboursement de la lampe');
    expect(preview).toMatch(/30,00\s€/);
    expect(preview).toMatch(/virement/);
    expect(preview).toMatch(/15 décembre 2026/);
    await composer.getByTestId('insert-letter').click();
    await expect.poll(() => composer.getByTestId('letter-outcome').textContent()).toMatch(/inséré/);
    expect(await editorText()).toMatch(/30,00\s€/);
    await panel.getByTestId('mark-answered').click();
    await expect
      .poll(
        async () => `${(await stored(panel)).phase} ${(await panel.getByRole('alert').allTextContents()).join(' | ')}`,
      )
      .toMatch(/^answered/);
    expect((await stored(panel)).letters.map((l) => l.templateId)).toEqual(['accuse-reception', 'reponse-favorable']);
    expect((await badge(session.worker)).text).toBe('');
  });

  it('follows up a corrective action, refuses to close while it is open, then closes', async () => {
    await panel.getByTestId('followup-description').fill('Former les préparateurs au calage des lampes');
    await panel.getByTestId('followup-add').click();
    await panel.getByTestId('followup-action').waitFor();
    await panel.getByTestId('to-followingUp').click();
    await expect.poll(async () => (await stored(panel)).phase).toBe('followingUp');
    await panel.getByTestId('to-closed').click();
    await panel.getByRole('alert').filter({ hasText: 'actions de suivi sont encore ouvertes' }).waitFor();
    // The box shows the stored state: it turns checked once the background has recorded the action as done.
    await panel.getByTestId('followup-action').getByRole('checkbox').click();
    await expect.poll(() => panel.getByTestId('followup-action').getByRole('checkbox').isChecked()).toBe(true);
    await expect.poll(async () => panel.getByTestId('followup-action').getByRole('combobox').count()).toBe(1);
    await panel.getByTestId('to-closed').click();
    await expect.poll(async () => (await stored(panel)).phase).toBe('closed');
  });

  it('goes to mediation when the customer refers the dispute, and closes with its outcome; the chain verifies', async () => {
    await panel.getByTestId('step-mediation').click();
    expect(await panel.getByTestId('mediator').innerText()).toContain('AME CONSO');
    await panel.getByTestId('mediation-referred').fill('2026-11-20T10:00');
    await save('mediation-step');
    await panel.getByTestId('to-mediation').click();
    await expect.poll(async () => (await stored(panel)).phase).toBe('mediation');
    await panel.getByTestId('mediation-outcome').selectOption('agreement');
    await save('mediation-step');
    await panel.getByTestId('mediation-close').click();
    await expect.poll(async () => (await stored(panel)).phase).toBe('closed');
    await expect.poll(() => panel.getByTestId('chain-verdict').innerText()).toMatch(/^Chaîne vérifiée/);
    await expect
      .poll(async () => (await historyTypes()).filter((type) => type === 'Changement d’étape'))
      .toHaveLength(7);
  });
});
