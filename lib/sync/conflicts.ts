// A conflict as the complaint view shows it: for each field, my value (from my operation) and the team's
// (from the server's version), with who made the team's value and when (the newest event that changed it).
import type { HistoryEvent } from '../register/history';
import type { Complaint } from '../register/schema';
import type { Operation } from './protocol';

export interface ShownConflict {
  key: string;
  paths: string[];
  mine: Record<string, unknown>;
  theirs: Record<string, unknown>;
  by: string;
  at: string;
}

const valueAt = (record: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), record);

const touches = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

export function showConflict(
  conflict: { key: string; paths: string[]; op: Operation; theirs: Complaint; at: string },
  history: readonly HistoryEvent[],
): ShownConflict {
  const { op } = conflict;
  const mine: Record<string, unknown> = {};
  const theirs: Record<string, unknown> = {};
  for (const path of conflict.paths) {
    const value = valueAt(conflict.theirs, path);
    // An assignee shows as the agent's name, as everywhere else in the panel.
    theirs[path] = path === 'assignee' ? ((value as { name?: string } | undefined)?.name ?? null) : value;
    if (op.kind === 'update') mine[path] = valueAt(op.patch, path);
    else if (op.kind === 'transition') mine[path] = op.to;
    else if (op.kind === 'extend') mine[path] = op.extension.newDueAt;
    else if (op.kind === 'assign') mine[path] = op.assignee.name;
  }
  const last = [...history]
    .reverse()
    .find((e) => e.changes.some((c) => conflict.paths.some((p) => touches(c.path, p))));
  return {
    key: conflict.key,
    paths: conflict.paths,
    mine,
    theirs,
    by: last?.actor ?? '?',
    at: last?.at ?? conflict.at,
  };
}
