import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/extension/background/start';
import { backgroundWriter } from '@/lib/extension/pages/restore';
import { send } from '@/lib/extension/protocol';
import { RequestError } from '@/lib/protocol/messages';
import { listAll } from '@/lib/register/store/queries';
import { BackupFileError } from '@/lib/transfer/backup-reader';
import { checkBackup, restoreBackup } from '@/lib/transfer/restore';
import { freshDatabase } from '../support/complaints';
import { backupText, buildRegister, fileOf } from './helpers';

let saved: string;

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDatabase();
  startBackground();
  await buildRegister();
  saved = await backupText();
  await freshDatabase(); // the register the agent is restoring into: empty
});

const lines = () => saved.split('\n');
type Entry = { complaint: Record<string, unknown>; history: Record<string, unknown>[] };
/** The backup with complaint line `i` (0-based) changed by `edit`. */
function withEntry(i: number, edit: (e: Entry) => void): string {
  const all = lines();
  const line = all[i + 1] as string;
  const comma = line.endsWith(',');
  const entry = JSON.parse(comma ? line.slice(0, -1) : line) as Entry;
  edit(entry);
  all[i + 1] = JSON.stringify(entry) + (comma ? ',' : '');
  return all.join('\n');
}
function withHead(edit: (head: Record<string, unknown>) => void): string {
  const whole = JSON.parse(saved) as Record<string, unknown>;
  edit(whole);
  return JSON.stringify(whole);
}

/** Checks that `text` is refused with `message` and that nothing reached the register. */
async function refused(text: string, message: RegExp): Promise<void> {
  const error = await checkBackup(fileOf(text)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BackupFileError);
  expect((error as Error).message).toMatch(message);
  expect(await listAll()).toEqual([]);
  expect(await backupText()).toBe(await emptyBackup);
}
let emptyBackup: Promise<string>;
beforeEach(() => {
  emptyBackup = backupText();
});

describe('a file that cannot be restored is refused whole, in French, and nothing is written', () => {
  it('refuses an empty file', () => refused('', /^Le fichier est vide\.$/));

  it('refuses a file that is not JSON', async () => {
    await refused(
      'Référence;Reçue le\r\nREC-2026-0001;02/03/2026',
      /n’est pas une sauvegarde du registre \(ce n’est pas du JSON\)/,
    );
    await refused(new Uint8Array([0xff, 0xfe, 0x00]) as unknown as string, /JSON|UTF-8/);
  });

  it('refuses JSON that is not a backup of the register', async () => {
    await refused('{"hello":"world"}', /n’est pas une sauvegarde du registre des réclamations \(format inconnu\)/);
    await refused('[1,2,3]', /format inconnu/);
    await refused(
      withHead((h) => {
        h.format = 'autre-logiciel/export';
      }),
      /format inconnu/,
    );
  });

  it('refuses a backup from a newer version of the extension', () =>
    refused(
      withHead((h) => {
        h.version = 3;
      }),
      /version plus récente de l’extension \(format 3, cette version lit le format 2\)/,
    ));

  it('refuses a truncated file, wherever it was cut', async () => {
    await refused(saved.slice(0, Math.floor(saved.length / 2)), /incomplète : le fichier a été coupé/);
    await refused(saved.slice(0, 200), /incomplète/);
    await refused(lines().slice(0, 3).join('\n'), /incomplète : le fichier a été coupé/);
    const missingLine = lines()
      .filter((_, i) => i !== 2)
      .join('\n');
    await refused(missingLine, /incomplète : 3 réclamation\(s\) et \d+ événement\(s\) lus, 4 et 8 annoncés/);
  });

  it('refuses a history event edited after the backup, naming the complaint and the event', async () => {
    const reference = (JSON.parse(lines()[1]?.replace(/,$/, '') ?? '') as Entry).complaint.reference as string;
    const actor = withEntry(0, (e) => {
      (e.history[0] as { actor: string }).actor = 'Quelqu’un d’autre';
    });
    await refused(
      actor,
      new RegExp(
        `^L’historique de ${reference} ne se vérifie pas \\(événement n° 1 : son contenu ne correspond plus à son empreinte\\) : le fichier a été modifié après la sauvegarde\\.$`,
      ),
    );
    const value = withEntry(0, (e) => {
      // The creation event holds the first version whole: rewrite one of its values.
      const change = (e.history[0] as { changes: { to: unknown }[] }).changes[0];
      if (change) change.to = { ...(change.to as Record<string, unknown>), subject: 'valeur réécrite' };
    });
    await refused(value, /événement n° 1 : une valeur modifiée ne correspond plus à son empreinte/);
    const longest = lines()
      .slice(1, -2) // the head line, then the complaints, then `]}` and the final newline
      .map((l) => (JSON.parse(l.replace(/,$/, '')) as Entry).history.length)
      .reduce((best, n, i, all) => (n > (all[best] ?? 0) ? i : best), 0);
    const dropped = withEntry(longest, (e) => {
      e.history.pop();
    });
    await refused(dropped, /le dernier événement n’est pas celui que la réclamation annonce/);
  });

  it('refuses a complaint that does not fit the register schema, naming it and the field', () =>
    refused(
      withEntry(1, (e) => {
        e.complaint.phase = 'perdue';
        e.complaint.reference = 'REC-2026-0002';
      }),
      /^La réclamation REC-2026-0002 du fichier est invalide : complaint\.phase : /,
    ));

  it('refuses a file holding the same complaint twice', async () => {
    const all = lines();
    const twice = [all[0], all[1], all[1], ...all.slice(2)].join('\n');
    await refused(twice, /^La réclamation REC-\d{4}-\d{4} \([0-9a-f-]{36}\) figure deux fois dans le fichier\.$/);
  });

  it('still reads a backup that another tool re-formatted, and restores it', async () => {
    const pretty = JSON.stringify(JSON.parse(saved), null, 2);
    const dryRun = await checkBackup(fileOf(pretty));
    expect(dryRun).toMatchObject({ added: 4, refused: 0 });
    await restoreBackup(fileOf(pretty), dryRun, backgroundWriter, { withSettings: true });
    expect(await backupText()).toBe(saved);
  });

  it('has the background refuse a batch whose chain does not verify, even sent without the dry run', async () => {
    const tampered = withEntry(0, (e) => {
      (e.history[0] as { actor: string }).actor = 'Intrus';
    });
    const line = tampered.split('\n')[1]?.replace(/,$/, '') ?? '';
    const { restoreId } = await send({ type: 'backup/restore-begin' });
    const error = (await send({ type: 'backup/restore-batch', restoreId, entries: [line] }).catch(
      (e) => e,
    )) as RequestError;
    expect(error).toBeInstanceOf(RequestError);
    expect(error.message).toMatch(/ne se vérifie pas \(événement n° 1/);
    expect(await listAll()).toEqual([]);
  });
});
