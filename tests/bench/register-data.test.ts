import { describe, expect, it } from 'vitest';
import { ComplaintSchema } from '@/lib/register/schema';
import { generateComplaint, SPAN_DAYS } from '@/scripts/bench/register-data';

const NOW = new Date('2026-06-15T10:00:00Z');

describe('the benchmark’s generated complaints', () => {
  it('are the same record for the same index, and valid complaints', () => {
    expect(generateComplaint(42, NOW)).toEqual(generateComplaint(42, NOW));
    for (let i = 0; i < 300; i++) expect(ComplaintSchema.safeParse(generateComplaint(i, NOW)).success).toBe(true);
  });

  it('are received within the two years before now, mostly answered, a few still running', () => {
    const sample = Array.from({ length: 2000 }, (_, i) => generateComplaint(i, NOW));
    const oldest = NOW.getTime() - SPAN_DAYS * 86_400_000;
    expect(sample.every((c) => Date.parse(c.receivedAt) >= oldest && Date.parse(c.receivedAt) <= NOW.getTime())).toBe(
      true,
    );
    const closed = sample.filter((c) => c.phase === 'closed').length;
    const running = sample.filter((c) => c.nextDueAt !== undefined).length;
    expect(closed).toBeGreaterThan(sample.length * 0.7);
    expect(running).toBeGreaterThan(0);
    expect(running).toBeLessThan(sample.length * 0.05);
    expect(new Set(sample.map((c) => c.reference)).size).toBe(sample.length);
  });
});
