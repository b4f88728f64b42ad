// References in a team register. Official ones (REC-YYYY-NNNN) come from the server, in blocks handed to
// each agent; a complaint made offline after the block ran out takes a provisional reference, 8 digits
// starting with 9 (REC-YYYY-9NNNNNNN): it matches the register's schema, sits far above any official
// number (an organisation never reaches 90 million complaints a year), and the server replaces it by an
// official one with a `referenceAssigned` event, which keeps the provisional one in the history.
import { formatReference } from '../register/reference-format';

const PROVISIONAL = /^REC-(\d{4})-9\d{7}$/;
const OFFICIAL = /^REC-(\d{4})-(\d{4,7})$/;

export const isProvisional = (reference: string): boolean => PROVISIONAL.test(reference);

/** Year and number of an official reference, or null. */
export function parseOfficial(reference: string): { year: number; n: number } | null {
  const m = OFFICIAL.exec(reference);
  return m ? { year: Number(m[1]), n: Number(m[2]) } : null;
}

/** A provisional reference for `year` from 7 random digits (`random` in [0, 1)). */
export function provisionalReference(year: number, random: number): string {
  return `REC-${year}-9${String(Math.floor(random * 10_000_000)).padStart(7, '0')}`;
}

export { formatReference };
