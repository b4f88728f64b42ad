// Human references REC-YYYY-NNNN are handed out in this one place. A counter per year only ever grows,
// so a reference is never reused, even after a deletion. A team register can later swap this allocator
// for one that asks a server or reserves blocks per agent.
import { parisDay } from '../../deadlines/paris-time';
import { formatReference } from '../reference-format';
import { defaultConnection, type RegisterConnection } from './db';

export interface ReferenceAllocator {
  next(now: Date): Promise<string>;
}

// Pure, so that the team server can share it (server/ never imports IndexedDB).
export { formatReference };

/** The counters kept in the register's own database (each register numbers on its own). */
export function localAllocatorOn(connection: RegisterConnection): ReferenceAllocator {
  return {
    async next(now) {
      const year = Number(parisDay(now).slice(0, 4));
      const db = await connection.db();
      const tx = db.transaction('meta', 'readwrite');
      const key = `refCounter:${year}`;
      const last = Number((await tx.store.get(key)) ?? 0);
      const n = Number.isSafeInteger(last) && last >= 0 ? last + 1 : 1;
      await tx.store.put(n, key);
      await tx.done;
      return formatReference(year, n);
    },
  };
}

export const localAllocator = localAllocatorOn(defaultConnection);
