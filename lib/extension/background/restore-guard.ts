// Rolls back a restore whose page is gone. The page holds the RESTORE_LOCK (Web Locks) while it writes;
// the background asks for the same lock and waits: it gets it when the page finishes (the journal is
// already empty: nothing to do), cancels, or dies (closed, crashed, killed) — then it rolls the restore
// back. At start-up the same request finds a restore left by a worker that was killed with its page.
import { rollbackRestore } from '../../register/store/restore-journal';
import { RESTORE_LOCK } from '../../transfer/backup-schema';

const locks = (): LockManager | undefined => (globalThis.navigator as Navigator | undefined)?.locks;

async function rollBack(onUndone: () => Promise<void>): Promise<void> {
  try {
    if (await rollbackRestore()) {
      console.warn('[registre] restauration interrompue : le registre a été remis dans son état d’avant');
      await onUndone();
    }
  } catch (error) {
    console.error('[registre] retour en arrière de la restauration impossible (réessayé au prochain démarrage)', error);
  }
}

/** `start`: the worker starts; `begin`: a page has just begun a restore (and holds the lock). */
export function watchRestore(when: 'start' | 'begin', onUndone: () => Promise<void> = async () => {}): void {
  const manager = locks();
  if (manager) {
    void manager.request(RESTORE_LOCK, () => rollBack(onUndone));
    return;
  }
  // Without Web Locks no page can be seen alive: a start-up rolls back (and so does the next restore's begin).
  if (when === 'start') void rollBack(onUndone);
}
