// The sync engine's steps, over a `fetch` and a register's sync store and nothing else of the browser, so a
// test drives it against a real team server: who am I, push the outbox, pull the feed, keep a reference
// block. Each step is safe to repeat: a push that died half-way is sent again and the server answers the
// stored outcome (idempotent by event id); a pull resumes from the cursor saved with the page it applied.
import { z } from 'zod';
import { parisDay } from '../../deadlines/paris-time';
import { type MessageKey, type Params, UserError } from '../../i18n';
import type { SyncStore } from '../../register/store/sync-state';
import type { SyncProblem, TeamConnection } from '../../sync/connection';
import {
  MAX_PUSH_OPS,
  MeSchema,
  PROTOCOL_VERSION,
  PushResponseSchema,
  ReferenceBlockSchema,
} from '../../sync/protocol';

/** Why a step could not run, with the French message the panel and the options show. */
export class SyncFailure extends UserError {
  constructor(
    readonly problem: SyncProblem,
    key: MessageKey,
    params: Params = {},
  ) {
    super(key, params);
    this.name = 'SyncFailure';
  }
}

export interface EngineDeps {
  store: SyncStore;
  fetch: typeof fetch;
  now: () => Date;
  /** False when the browser knows it is offline (navigator.onLine). */
  online?: () => boolean;
}

/** A pull page read loosely: each record is parsed on its own by the store, so one bad record is set aside. */
const LoosePageSchema = z.object({
  events: z.array(z.unknown()),
  complaints: z.array(z.unknown()),
  cursor: z.string().regex(/^\d{1,18}$/),
  more: z.boolean(),
});

const PULL_LIMIT = 1000;
/** Fewer official numbers than this left: ask for a new block while online. */
const BLOCK_LOW = 10;
const BLOCK_SIZE = 50;

interface CallInit {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
  /** A GET made conditional: the server answers 304 when this ETag is still the content's. */
  ifNoneMatch?: string;
}

/** One authenticated request to the team server; failures become SyncFailure (French). */
export async function call(
  deps: EngineDeps,
  server: string,
  token: string,
  path: string,
  init: Omit<CallInit, 'ifNoneMatch'> = {},
): Promise<unknown> {
  return (await answered(deps, server, token, path, init)).json();
}

/**
 * A conditional GET: null when the server answers 304 Not Modified (what this register holds is current),
 * else the body and its ETag (null from a server that gives none: the next request is then unconditional).
 */
export async function callIfChanged(
  deps: EngineDeps,
  server: string,
  token: string,
  path: string,
  etag: string | undefined,
): Promise<{ body: unknown; etag: string | null } | null> {
  const response = await answered(deps, server, token, path, { ifNoneMatch: etag });
  if (response.status === 304) return null;
  return { body: await response.json(), etag: response.headers.get('etag') };
}

/** The server's answer when it is a success (or a 304 to a conditional request); failures become SyncFailure. */
async function answered(deps: EngineDeps, server: string, token: string, path: string, init: CallInit) {
  let response: Response;
  try {
    response = await deps.fetch(`${server}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.ifNoneMatch === undefined ? {} : { 'if-none-match': init.ifNoneMatch }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      // The token authenticates; no cookie of the server's site should ride along.
      credentials: 'omit',
    });
  } catch {
    if (deps.online?.() === false) throw new SyncFailure('offline', 'sync.reason.offline');
    throw new SyncFailure('unreachable', 'team.error.unreachable', { origin: server });
  }
  if (response.status === 401) throw new SyncFailure('revoked', 'team.error.revoked');
  if (response.status === 304 && init.ifNoneMatch !== undefined) return response;
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    // The server answered: a refusal of this agent's rights is not an unreachable server.
    if (response.status === 403) {
      const message = typeof body?.error === 'string' ? body.error : String(response.status);
      throw new SyncFailure('forbidden', 'team.error.forbidden', { message });
    }
    if (typeof body?.error === 'string')
      throw new SyncFailure('unreachable', 'team.error.server', { message: body.error });
    throw new SyncFailure('unreachable', 'team.error.answer', { status: response.status });
  }
  return response;
}

/** Checks a token: the agent it names, refused when the server speaks a newer protocol than this extension. */
export async function whoAmI(deps: EngineDeps, server: string, token: string) {
  const me = MeSchema.parse(await call(deps, server, token, '/me'));
  if (me.protocol > PROTOCOL_VERSION) {
    throw new SyncFailure('newerProtocol', 'team.error.newerProtocol', { server: me.protocol, mine: PROTOCOL_VERSION });
  }
  return me.agent;
}

/**
 * Sends the outbox, oldest first, in batches; returns the refusals the server gave (in French) and how many
 * conflicts it kept to show (the only change a push makes that the pages show).
 */
export async function pushAll(
  deps: EngineDeps,
  c: TeamConnection,
): Promise<{ pushed: number; refusals: string[]; conflicts: number }> {
  let pushed = 0;
  let conflicts = 0;
  const refusals: string[] = [];
  for (;;) {
    const batch = await deps.store.pendingOps(MAX_PUSH_OPS);
    if (batch.length === 0) return { pushed, refusals, conflicts };
    const answer = PushResponseSchema.parse(
      await call(deps, c.server, c.token, '/push', { method: 'POST', body: { ops: batch.map((e) => e.op) } }),
    );
    refusals.push(...(await deps.store.settle(batch, answer.outcomes, deps.now())));
    conflicts += answer.outcomes.filter((o) => o.status === 'conflict').length;
    pushed += batch.length;
  }
}

/**
 * Pulls every page after the cursor (`wait`: seconds the server may hold the first request when nothing
 * is new). Returns the ids of the complaints whose local copy changed (not those of the agent's own events
 * coming back) and how many pulled records were set aside.
 *
 * Pulls until the feed is drained. `onPage` hears the ids of each page applied while more pages follow, so
 * that a first pull of a large team register fills the agent's list page by page instead of at the end.
 */
export async function pullAll(
  deps: EngineDeps,
  c: TeamConnection,
  opts: { wait?: number; signal?: AbortSignal; limit?: number; onPage?: (ids: string[]) => Promise<void> } = {},
): Promise<{ ids: string[]; quarantined: number }> {
  const ids = new Set<string>();
  let quarantined = 0;
  let wait = opts.wait ?? 0;
  for (;;) {
    const cursor = await deps.store.getCursor();
    const query = `/pull?cursor=${cursor}&limit=${opts.limit ?? PULL_LIMIT}&wait=${wait}`;
    const page = LoosePageSchema.parse(await call(deps, c.server, c.token, query, { signal: opts.signal }));
    wait = 0;
    if (page.events.length === 0 && page.complaints.length === 0) return { ids: [...ids], quarantined };
    const applied = await deps.store.applyPull(page, deps.now());
    for (const id of applied.changed) ids.add(id);
    quarantined += applied.quarantined.length;
    if (!page.more) return { ids: [...ids], quarantined };
    await opts.onPage?.(applied.changed);
  }
}

/** Keeps a block of official references in hand while online, so that a complaint logged offline gets one. */
export async function refillReferences(deps: EngineDeps, c: TeamConnection): Promise<void> {
  if (c.agent.role === 'auditor') return;
  const year = Number(parisDay(deps.now()).slice(0, 4));
  if ((await deps.store.referencesLeft(year)) >= BLOCK_LOW) return;
  const block = ReferenceBlockSchema.parse(
    await call(deps, c.server, c.token, '/references/blocks', { method: 'POST', body: { size: BLOCK_SIZE, year } }),
  );
  await deps.store.addBlock(block);
}

/** One full round: references, push, then pull (which replays what is still waiting on top). */
export async function syncRound(
  deps: EngineDeps,
  c: TeamConnection,
  opts: { onPage?: (ids: string[]) => Promise<void> } = {},
) {
  await refillReferences(deps, c);
  const push = await pushAll(deps, c);
  const pull = await pullAll(deps, c, { onPage: opts.onPage });
  return { ...push, ...pull };
}
