import { serialize } from 'node:v8';
import { it } from 'vitest';
import { setLang } from '@/lib/i18n';
import { DEFAULT_POLICY } from '@/lib/deadlines/policy';
import { anonymizeComplaint } from '@/lib/register/store/anonymize';
import { addNote, createComplaint, transitionComplaint, updateComplaint } from '@/lib/register/store/complaints';
import { registerDb } from '@/lib/register/store/db';
import { eventsOf } from '@/lib/register/store/history-record';
import { canonicalJson, hashedForm, type HistoryEvent } from '@/lib/register/history';
import { writeFileSync } from 'node:fs';
import { freshDatabase, newInput } from '../support/complaints';
import { at, closedComplaint } from '../retention/fixtures';

const B64 = /^[A-Za-z0-9_-]{22}$|^[A-Za-z0-9_-]{43}$/;
function toBytes(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toBytes);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ['hash','prevHash','atSalt','atDigest','salt','digest'].includes(k) && typeof x === 'string' && B64.test(x) ? new Uint8Array(Buffer.from(x, 'base64url')) : toBytes(x)]));
  return v;
}

it('measures', async () => {
  setLang('fr');
  await freshDatabase();
  const NOW = '2026-06-01T08:00:00.000Z';
  for (let i = 0; i < 30; i++) {
    const c = await closedComplaint();
    if (i % 5 === 0) await anonymizeComplaint(c.id, 'request', at(NOW));
    const o = await createComplaint(newInput({ subject: `Colis ${i}` }), DEFAULT_POLICY, at(NOW));
    await addNote(o.id, 'Client rappelé, photos demandées.', at(NOW));
    const a = await transitionComplaint(o.id, undefined, 'acknowledged', at(NOW));
    await updateComplaint(o.id, a.rev, { severity: 2, summary: 'Carton écrasé' }, at(NOW));
  }
  const records = await (await registerDb()).getAll('histories');
  let n = 0, oldJson = 0, oldV8 = 0, newJson = 0, newV8 = 0, bytesV8 = 0, oldNoValuesJson = 0;
  for (const r of records) {
    const events = eventsOf(r) as unknown[];
    n += events.length;
    for (const e of events) { oldJson += JSON.stringify(e).length; oldV8 += serialize(e).length; }
    newJson += JSON.stringify(r).length; newV8 += serialize(r).length; bytesV8 += serialize(toBytes(r)).length;
  }
  const texts: string[] = [];
  for (const r of records) for (const e of eventsOf(r) as HistoryEvent[]) {
    const { hash: _h, ...rest } = e;
    texts.push(canonicalJson(hashedForm(rest)));
    if (e.atSalt) texts.push(`${e.atSalt}:${e.at}`);
    for (const c of e.changes) if (c.salt) texts.push(`${c.salt}:${canonicalJson({ path: c.path, from: c.from, to: c.to })}`);
  }
  writeFileSync('/tmp/h11-strings.json', JSON.stringify(texts));
  console.log(JSON.stringify({ complaints: records.length, events: n,
    perEvent: { oldJson: oldJson / n, newJson: newJson / n, oldV8: oldV8 / n, newV8: newV8 / n, newV8bytes: bytesV8 / n } }));
});
