// A register as agents fill it, written by the store itself: a closed case, an anonymised one, an open one
// with a note and its acknowledgement, and a fresh one. Used where a test needs real stored records and
// histories of every kind (the history migration, fastParse against zod).
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { anonymizeComplaint } from '@/lib/register/store/anonymize';
import { addNote, createComplaint, transitionComplaint } from '@/lib/register/store/complaints';
import { at, closedComplaint } from '../retention/fixtures';
import { newInput } from './complaints';

export interface RealisticIds {
  closed: string;
  anonymised: string;
  open: string;
  fresh: string;
}

/** Writes the four complaints at `now` (ISO) and gives their ids. */
export async function fillRealisticRegister(now: string): Promise<RealisticIds> {
  const closed = await closedComplaint();
  const anonymised = await closedComplaint('2020-04-06T08:00:00.000Z', '2020-04-20T10:00:00Z');
  await anonymizeComplaint(anonymised.id, 'request', at(now));
  const open = await createComplaint(newInput({ subject: 'Lampe arrivée cassée' }), DEFAULT_POLICY, at(now));
  await addNote(open.id, 'Client rappelé, photos demandées.', at(now));
  await transitionComplaint(open.id, undefined, 'acknowledged', at(now));
  const fresh = await createComplaint(newInput({ subject: 'Colis jamais reçu' }), DEFAULT_POLICY, at(now));
  return { closed: closed.id, anonymised: anonymised.id, open: open.id, fresh: fresh.id };
}
