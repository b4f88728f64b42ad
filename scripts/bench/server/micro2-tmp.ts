import { decide } from '../../../lib/sync/replay';
import { complaintOps } from './workload';

const sets = [];
for (let i = 0; i < 300; i++) sets.push(await complaintOps(true, `REC-2026-${String(i + 1).padStart(4, '0')}`));
const t = performance.now();
for (let k = 0; k < 60; k++) for (const [c] of sets) decide(null, [], c!, 'Claire Martin');
console.log((((performance.now() - t) / 18000) * 1000).toFixed(0), 'µs per create decide');
