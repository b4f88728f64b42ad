// The complaint view's actions, each a request to the background (which owns writes).
import type { ComplaintActions } from '@/components/complaint/types';
import { insertLetterFor } from '@/lib/extension/pages/insert-letter';
import { send } from '@/lib/extension/protocol';
import { RequestError } from '@/lib/protocol/messages';
import type { Assignee, Complaint } from '@/lib/register/schema';

const failure = (error: unknown) =>
  error instanceof RequestError ? error.payload : { key: 'error.unexpected', message: String(error) };

async function attempt(work: () => Promise<unknown>) {
  try {
    await work();
    return undefined;
  } catch (error) {
    return failure(error);
  }
}

export function complaintActions(c: Complaint, open: (id: string) => void): ComplaintActions {
  return {
    patch: (patch) => attempt(() => send({ type: 'complaint/update', id: c.id, rev: c.rev, patch })),
    // A step is checked by its guard against the newest version of the record: a click that comes just after
    // another change (a letter recorded a moment earlier) is not refused as stale.
    transition: (to, at) => attempt(() => send({ type: 'complaint/transition', id: c.id, to, at })),
    extend: (clock, ext) => attempt(() => send({ type: 'complaint/extend', id: c.id, rev: c.rev, clock, ...ext })),
    note: (text) => attempt(() => send({ type: 'complaint/note', id: c.id, text })),
    anonymize: (reason) => attempt(() => send({ type: 'complaint/anonymize', id: c.id, reason })),
    insertLetter: (letter, extras) =>
      insertLetterFor(c, letter, extras).catch((error) => ({ ok: false, message: failure(error).message })),
    open,
  };
}

/** Team register: hands `c` to another agent (the background refuses it unless a manager or its holder). */
export const assign = (c: Complaint, assignee: Assignee) =>
  attempt(() => send({ type: 'complaint/assign', id: c.id, rev: c.rev, assignee }));
