// One process per embedded data folder: PGlite keeps the database in memory and writes it back to the
// folder, so two processes on one folder would overwrite each other. A lock file holds the owner's pid;
// a lock left by a dead process (crash, kill -9) is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class FolderLocked extends Error {}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the folder's lock; returns the function that releases it. */
export function lockFolder(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new FolderLocked(
          `Le dossier de données ${dir} est déjà utilisé par un autre serveur (processus ${pid}). ` +
            'Arrêtez-le d’abord : un dossier embarqué ne sert qu’un seul processus à la fois.',
        );
      }
      rmSync(file, { force: true }); // left by a process that no longer runs
    }
  }
  throw new FolderLocked(`Impossible de verrouiller le dossier de données ${dir}.`);
}
