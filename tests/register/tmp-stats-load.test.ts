import { it } from 'vitest';
import { readAggregatedStats } from '@/lib/register/store/dashboard-stats';
import { COMPLAINT_STORES, putComplaint, registerDb } from '@/lib/register/store/db';
import { forEachComplaint, listReceivedSince } from '@/lib/register/store/queries';
import { statsAccumulator } from '@/lib/stats/compute';
import { findRecurring, recurringAccumulator } from '@/lib/stats/recurring';
import { generateComplaint } from '../../scripts/bench/register-data';
import { freshDatabase } from '../support/complaints';

it('load', async () => {
  await freshDatabase();
  const now = new Date();
  const db = await registerDb();
  let t = performance.now();
  for (let s = 0; s < 20_000; s += 1000) {
    const tx = db.transaction(COMPLAINT_STORES, 'readwrite');
    const w: Promise<unknown>[] = [];
    for (let i = s; i < s + 1000; i++) w.push(putComplaint(tx, generateComplaint(i, now)));
    await Promise.all([...w, tx.done]);
  }
  console.log(`LOAD seeded 20k through putComplaint in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const acc = statsAccumulator(now);
  const rec = recurringAccumulator(now);
  await forEachComplaint((c) => { acc.add(c); rec.add(c); });
  const before = acc.finish(); rec.finish();
  const full = performance.now() - t;
  t = performance.now();
  const after = await readAggregatedStats(now);
  const figures = performance.now() - t;
  findRecurring(await listReceivedSince(new Date(now.getTime() - 31 * 86_400_000).toISOString()), now);
  const all = performance.now() - t;
  console.log(`LOAD full pass ${full.toFixed(0)} ms; aggregates ${figures.toFixed(0)} ms, + groups ${all.toFixed(0)} ms; same=${JSON.stringify(before) === JSON.stringify(after)}`);
}, 900_000);
