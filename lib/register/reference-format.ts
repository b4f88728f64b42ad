// The shape of a human reference, REC-YYYY-NNNN, apart from its allocator (references.ts opens IndexedDB):
// the team server formats and reads references with this same code.
export function formatReference(year: number, n: number): string {
  return `REC-${year}-${String(n).padStart(4, '0')}`;
}
