// The restore's checker and writer in the product: the background, through the one message protocol (the
// restore itself is lib/transfer/restore.ts; tests and the bench give it other writers). The page holds the restore lock
// while it writes, so that the background rolls the restore back if the page dies (background/restore-guard.ts).
import { RESTORE_LOCK } from '../../transfer/backup-schema';
import type { RestoreChecker, RestoreWriter } from '../../transfer/restore';
import { send } from '../protocol';

/** The product's dry run: the background checks the file's complaints, where it will write them. */
export const backgroundChecker: RestoreChecker = {
  begin: async (retention) => (await send({ type: 'backup/check-begin', retention })).checkId,
  batch: (checkId, index, lines) => send({ type: 'backup/check-batch', checkId, index, entries: [...lines] }),
};

/** The product's writer: the background, through the one message protocol. */
export const backgroundWriter: RestoreWriter = {
  begin: async (checkId) => (await send({ type: 'backup/restore-begin', ...(checkId ? { checkId } : {}) })).restoreId,
  batch: (restoreId, lines, index) => send({ type: 'backup/restore-batch', restoreId, index, entries: [...lines] }),
  finish: (restoreId, meta) => send({ type: 'backup/restore-finish', restoreId, meta }),
  cancel: async (restoreId) => {
    await send({ type: 'backup/restore-cancel', restoreId });
  },
  exclusive: (work) => {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    return locks ? (locks.request(RESTORE_LOCK, work) as ReturnType<typeof work>) : work();
  },
};
