// The register list's filters and search, as one pure predicate (the export of "the current filter" reuses it).
import { z } from 'zod';
import { type Complaint, PhaseSchema } from './schema';
import { urgencyOf } from './urgency';

export const RegisterFilterSchema = z.object({
  phase: PhaseSchema.optional(),
  due: z.enum(['overdue', 'dueSoon']).optional(),
  category: z.string().optional(),
  severity: z.number().int().min(1).max(4).optional(),
  search: z.string().max(200).optional(),
  /** Team register, « À moi »: only the complaints this agent (server id) holds. */
  assignee: z.string().max(40).optional(),
});
export type RegisterFilter = z.infer<typeof RegisterFilterSchema>;

/** Lower-case, accents removed: "Élodie" matches "elodie". */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function matchesFilter(filter: RegisterFilter, now: Date, dueSoonHours: number) {
  const needle = filter.search ? fold(filter.search.trim()) : '';
  return (c: Complaint): boolean => {
    if (filter.phase && c.phase !== filter.phase) return false;
    if (filter.category && c.category !== filter.category) return false;
    if (filter.severity && c.severity !== filter.severity) return false;
    if (filter.assignee && c.assignee?.id !== filter.assignee) return false;
    if (filter.due && urgencyOf(c, now, dueSoonHours).status !== filter.due) return false;
    if (needle) {
      const haystack = fold([c.reference, c.customer.name, c.customer.email ?? '', c.subject].join(' '));
      if (!haystack.includes(needle)) return false;
    }
    return true;
  };
}

export const isEmptyFilter = (f: RegisterFilter) =>
  !f.phase && !f.due && !f.category && !f.severity && !f.search?.trim() && !f.assignee;
