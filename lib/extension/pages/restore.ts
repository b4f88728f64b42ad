// The restore's writer in the product: the background, through the one message protocol (the restore itself
// is lib/transfer/restore.ts; tests and the bench give it other writers).
import type { Tally } from '../../transfer/classify';
import type { FinishOutcome, RestoreWriter } from '../../transfer/restore';
import { send } from '../protocol';

/** The product's writer: the background, through the one message protocol. */
export const backgroundWriter: RestoreWriter = {
  batch: (lines) => send<Tally>({ type: 'backup/restore-batch', entries: [...lines] }),
  finish: (meta) => send<FinishOutcome>({ type: 'backup/restore-finish', meta }),
};
