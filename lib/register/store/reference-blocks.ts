// References in a team register (issue 13): the numbers of the blocks the server handed this agent, used
// in order, so that a complaint logged offline gets its official reference at once; a provisional one when
// they are used up, until the server assigns it. A register that never joined a team keeps its own counter.
import type { z } from 'zod';
import { parisDay } from '../../deadlines/paris-time';
import type { ReferenceBlockSchema } from '../../sync/protocol';
import { provisionalReference } from '../../sync/references';
import { formatReference } from '../reference-format';
import type { RegisterConnection } from './db';
import { localAllocatorOn, type ReferenceAllocator } from './references';
import { SYNC_KEYS } from './sync-identity';

/** A block of official references with the next number still free in it. */
export interface HeldBlock extends z.infer<typeof ReferenceBlockSchema> {
  next: number;
}

export function referenceBlocksOn(connection: RegisterConnection) {
  const db = () => connection.liveDb();

  /** Keeps a block the server handed out; its numbers are used before any provisional reference. */
  async function addBlock(block: z.infer<typeof ReferenceBlockSchema>): Promise<void> {
    const tx = (await db()).transaction('sync', 'readwrite');
    const blocks = ((await tx.store.get(SYNC_KEYS.blocks)) as HeldBlock[] | undefined) ?? [];
    await tx.store.put([...blocks, { ...block, next: block.first }], SYNC_KEYS.blocks);
    await tx.done;
  }

  /** Official numbers still free for `year`. */
  async function referencesLeft(year: number): Promise<number> {
    const blocks = ((await (await db()).get('sync', SYNC_KEYS.blocks)) as HeldBlock[] | undefined) ?? [];
    return blocks.filter((b) => b.year === year).reduce((n, b) => n + Math.max(0, b.last - b.next + 1), 0);
  }

  const local = localAllocatorOn(connection);
  /**
   * References: the local counter for a register that never joined a team; in a team, the next number of
   * the agent's blocks, or a provisional reference when they are used up (offline).
   */
  const allocator: ReferenceAllocator = {
    async next(now) {
      const tx = (await db()).transaction('sync', 'readwrite');
      if ((await tx.store.get(SYNC_KEYS.identity)) === undefined) {
        await tx.done;
        return local.next(now);
      }
      const year = Number(parisDay(now).slice(0, 4));
      const blocks = ((await tx.store.get(SYNC_KEYS.blocks)) as HeldBlock[] | undefined) ?? [];
      const block = blocks.find((b) => b.year === year && b.next <= b.last);
      if (!block) {
        await tx.done;
        return provisionalReference(year, Math.random());
      }
      const reference = formatReference(year, block.next);
      block.next += 1;
      // Used-up blocks are dropped; the others stay in the order the server handed them out.
      await tx.store.put(
        blocks.filter((b) => b.next <= b.last),
        SYNC_KEYS.blocks,
      );
      await tx.done;
      return reference;
    },
  };

  return { addBlock, referencesLeft, allocator };
}
