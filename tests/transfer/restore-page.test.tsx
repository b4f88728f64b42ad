import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RestoreSection } from '@/components/data/RestoreSection';
import { Restore } from '@/entrypoints/manage/sections/Restore';
import { startBackground } from '@/lib/extension/background/start';
import { setLang } from '@/lib/i18n';
import { listAll } from '@/lib/register/store/queries';
import { getSettings } from '@/lib/register/store/settings';
import { checkBackup } from '@/lib/transfer/restore';
import { freshDatabase } from '../support/complaints';
import { backupText, buildRegister } from './helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
  setLang('fr');
});
afterEach(cleanup);

function choose(text: string, name = 'sauvegarde.json') {
  const input = screen.getByLabelText(
    'Fichier de sauvegarde (.ndjson.gz, ou .json des versions précédentes)',
  ) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })] });
  fireEvent.change(input);
}
const count = (tally: HTMLElement, label: string) =>
  within(tally).getByText(label).parentElement?.querySelector('dd')?.textContent;

describe('the restore section of the management page', () => {
  it('shows the dry run, restores on confirmation with the settings ticked, and reports', async () => {
    await buildRegister();
    const text = await backupText();
    await freshDatabase();
    render(<Restore />);
    choose(text);
    const plan = await screen.findByTestId('restore-plan-tally');
    expect(count(plan, 'À ajouter')).toBe('4');
    expect(count(plan, 'Refusées')).toBe('0');
    expect(
      screen.getByText(/Fichier vérifié : sauvegarde du .*, 4 réclamation\(s\), 8 événement\(s\) d’historique\./),
    ).toBeTruthy();
    expect(screen.getByText('1 enregistrement(s) mis de côté seront conservés tels quels.')).toBeTruthy();
    expect(await listAll()).toEqual([]);

    fireEvent.click(screen.getByLabelText(/Restaurer aussi les paramètres/));
    fireEvent.click(screen.getByRole('button', { name: 'Restaurer' }));
    const done = await screen.findByTestId('restore-done-tally');
    expect(count(done, 'Ajoutées')).toBe('4');
    expect(screen.getByText('Paramètres restaurés.')).toBeTruthy();
    expect(screen.getByText('1 courrier(s) modifié(s) restauré(s).')).toBeTruthy();
    expect(await listAll()).toHaveLength(4);
    expect((await getSettings()).agentName).toBe('Agent test');
  });

  it('refuses a bad file with its French message, and lets the agent choose another', async () => {
    render(<Restore />);
    choose('{"format":"registre-reclamations/backup","version":7}');
    expect((await screen.findByTestId('restore-refused')).textContent).toBe(
      'Fichier refusé, rien n’a été modifié : Cette sauvegarde vient d’une version plus récente de l’extension (format 7, cette version lit le format 2) : mettez l’extension à jour pour la restaurer.',
    );
    expect(screen.getByLabelText('Fichier de sauvegarde (.ndjson.gz, ou .json des versions précédentes)')).toBeTruthy();
    expect(await listAll()).toEqual([]);
  });
});

describe('the dry run of a file that brings back personal data past the retention period', () => {
  it('warns, naming how many complaints and the retention period, before anything is written', async () => {
    await buildRegister();
    const dryRun = await checkBackup(new Blob([await backupText()]));
    const props = { withSettings: false, onFile: () => {}, onWithSettings: () => {}, onConfirm: () => {} };
    render(
      <RestoreSection
        {...props}
        onReset={() => {}}
        state={{ step: 'checked', dryRun: { ...dryRun, pastRetention: 2 } }}
        retentionYears={5}
      />,
    );
    expect(screen.getByTestId('restore-past-retention').textContent).toBe(
      '2 réclamation(s) de ce fichier ont dépassé la durée de conservation (5 ans après clôture) sans avoir été anonymisées : la restauration ramène leurs données personnelles. Elles vous seront de nouveau proposées dans « Conservation des données personnelles ».',
    );
    cleanup();
    render(<RestoreSection {...props} onReset={() => {}} state={{ step: 'checked', dryRun }} retentionYears={5} />);
    expect(screen.queryByTestId('restore-past-retention')).toBeNull();
  });
});
