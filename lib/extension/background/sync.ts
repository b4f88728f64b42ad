// The background's sync loop (issue 13): a round (references, push, pull) right after each write, on the
// badge alarm and at start; a long-poll while a page holds the live channel open. One round at a time; a
// request during a round runs one more after it. The state goes to storage.local for the panel's indicator.
// A worker stopped mid-round loses nothing: the outbox and the cursor are in IndexedDB, and a push sent
// again is answered from the server's stored outcomes.
import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import { productSync } from '../../register/store/sync-state';
import {
  OFF_STATUS,
  originPattern,
  SYNC_PROBLEMS,
  type SyncReason,
  type SyncStatus,
  type TeamConnection,
} from '../../sync/connection';
import { LIVE_PORT, SYNC_STATUS_KEY } from '../team';
import { announceChange } from './announce';
import { pullOrgSettings } from './org-settings';
import { type EngineDeps, pullAll, SyncFailure, syncRound, whoAmI } from './sync-engine';

/** Seconds the server holds a long-poll when nothing is new (the protocol allows up to 25). */
const LONG_POLL_S = 25;
/** Pause after a failed long-poll before the next try (the alarm retries anyway). */
const RETRY_MS = 15_000;
/**
 * A round shows « syncing » only once it has run this long. A round follows every team write and usually
 * ends within a few hundred milliseconds: announcing it would write the status twice per write (a storage
 * write that wakes every open page) to show a state nobody could read. The write has already answered, so
 * no one waits on a prompt round; a slow one (a first pull, a far or busy server) still says it is at work.
 * After a problem the agent does wait (« Réessayer », back online): « syncing » then shows at once.
 */
export const SYNCING_AFTER_MS = 1_000;

export const engineDeps = (): EngineDeps => ({
  store: productSync,
  fetch: (input, init) => fetch(input, init),
  now: () => new Date(),
  online: () => navigator.onLine,
});

let status: SyncStatus = OFF_STATUS;
/** Whether storage.local holds `status` (not before this worker's first write: it may hold an older life's). */
let published = false;
let running: Promise<void> | null = null;
let again = false;
let live = 0;
let polling = false;
/** The protocol version is checked once per worker life (and at every connection). */
let verified = false;

const PROBLEMS = new Set<string>(SYNC_PROBLEMS);

async function publish(patch: Partial<SyncStatus>): Promise<void> {
  const team = (patch.identity ?? status.identity) !== null;
  const [pending, waiting] = await Promise.all([
    productSync.pendingCount(),
    team ? productSync.waitingCount() : Promise.resolve(0),
  ]);
  status = { ...status, ...patch, pending, waiting };
  // A reason goes with a problem state only: "connected" after "revoked" must not keep the old one.
  if (!PROBLEMS.has(status.state)) delete status.reason;
  await browser.storage.local.set({ [SYNC_STATUS_KEY]: status });
  published = true;
}

export async function hasPermission(server: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(server)] });
  } catch {
    return false;
  }
}

/** The reason code the panel translates (sync.reason.*), never a sentence stored in one language. */
function reasonOf(error: unknown): SyncReason {
  if (!(error instanceof SyncFailure)) return { code: 'unreachable', params: {} };
  // The server answered, with an error: not "it does not answer".
  if (error.key === 'team.error.server') return { code: 'serverError', params: { detail: error.params.message ?? '' } };
  if (error.key === 'team.error.answer') return { code: 'serverError', params: { detail: error.params.status ?? '' } };
  return { code: error.problem, params: error.params };
}

/**
 * Publishes `patch` if the round still runs after `ms`. `settle` stops the timer, or waits for the
 * publication it started, so that the round's last state is always written after it.
 */
function publishIfSlow(patch: Partial<SyncStatus>, ms: number): { settle: () => Promise<void> } {
  let landed: Promise<void> = Promise.resolve();
  const show = () => {
    landed = publish(patch).catch(() => undefined);
  };
  const timer = ms > 0 ? setTimeout(show, ms) : undefined;
  if (ms <= 0) show();
  return {
    settle: () => {
      clearTimeout(timer);
      return landed;
    },
  };
}

/** `identity`: the round's, when its failure is the first state it publishes (no « syncing » before it). */
async function fail(error: unknown, identity?: SyncStatus['identity']): Promise<void> {
  const state = error instanceof SyncFailure ? error.problem : 'unreachable';
  await publish({ state, reason: reasonOf(error), message: undefined, ...(identity ? { identity } : {}) });
}

async function round(): Promise<void> {
  const connection = await productSync.getConnection();
  if (!connection) {
    const identity = await productSync.getIdentity();
    // Local mode (the hot path: a round follows every write): the status already says "off", and writing it
    // again would cost a storage write and wake every open page's listener for nothing.
    if (published && !identity && status.state === 'off' && !status.identity) return;
    await publish({ ...OFF_STATUS, identity: identity ? { server: identity.server, agent: identity.agent } : null });
    return;
  }
  const identity = { server: connection.server, agent: connection.agent };
  if (!(await hasPermission(connection.server))) {
    await publish({ state: 'permission', reason: { code: 'permission', params: {} }, message: undefined, identity });
    return;
  }
  const syncing = publishIfSlow({ state: 'syncing', identity }, PROBLEMS.has(status.state) ? 0 : SYNCING_AFTER_MS);
  try {
    const deps = engineDeps();
    if (!verified) {
      await whoAmI(deps, connection.server, connection.token);
      verified = true;
    }
    // A first pull of a large register: the list fills page by page (announced as each page lands).
    const result = await syncRound(deps, connection, { onPage: (ids) => announceChange(ids) });
    const settingsChanged = await pullOrgSettings(deps, connection);
    // Pages read the register again only for what changed here: a push alone changes nothing they show but
    // its conflicts (its pending count goes with the status), and its own events coming back change nothing.
    const shown = result.conflicts + result.refusals.length + result.quarantined;
    if (result.ids.length > 0 || shown > 0 || settingsChanged) await announceChange(result.ids);
    const notes = [...result.refusals.map((reason) => t('sync.refused', { reason }))];
    if (result.quarantined) notes.push(t('sync.quarantined', { count: result.quarantined }));
    await syncing.settle();
    await publish({
      state: 'connected',
      identity,
      lastSyncAt: new Date().toISOString(),
      message: notes.join(' ') || undefined,
    });
    void longPoll(connection);
  } catch (error) {
    await syncing.settle();
    await fail(error, identity);
  }
}

/** Runs a round now, or one more after the running one; resolves with the state it left. */
export function requestSync(): Promise<SyncStatus> {
  if (running) {
    again = true;
    return running.then(() => status);
  }
  running = (async () => {
    do {
      again = false;
      try {
        await round();
      } catch (error) {
        // The register itself could not be read (a database closing under a wipe or a reset): the round
        // is reported like any failed one, and a failure to report it must not escape as an unhandled
        // rejection of a write that only asked for a sync.
        await fail(error).catch(() => undefined);
      }
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running.then(() => status);
}

/** While a page holds the live channel, wait on the server's feed and apply what comes at once. */
async function longPoll(connection: TeamConnection): Promise<void> {
  if (polling || live === 0) return;
  polling = true;
  try {
    while (live > 0 && status.state === 'connected') {
      try {
        const { ids, quarantined } = await pullAll(engineDeps(), connection, { wait: LONG_POLL_S });
        // A manager's change of the settings makes no feed event: they are asked for at each poll (a
        // conditional GET: a 304 with no body while they are unchanged).
        const settingsChanged = await pullOrgSettings(engineDeps(), connection);
        if (ids.length > 0 || quarantined > 0 || settingsChanged) {
          await announceChange(ids);
          await publish({ lastSyncAt: new Date().toISOString() });
        }
      } catch (error) {
        await fail(error);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        if (live > 0) void requestSync();
        return;
      }
    }
  } finally {
    polling = false;
  }
}

/** A new connection: the token was just checked against the server. */
export function connected(): Promise<SyncStatus> {
  verified = true;
  return requestSync();
}

export async function disconnected(): Promise<void> {
  verified = false;
  await requestSync();
}

export function startSync(): void {
  try {
    browser.runtime.onConnect.addListener((port) => {
      if (port.name !== LIVE_PORT) return;
      live++;
      port.onDisconnect.addListener(() => {
        live = Math.max(0, live - 1);
      });
      void requestSync();
    });
  } catch {
    // WXT's fake browser (unit tests) has no ports: pages then sync on writes and on the alarm only.
  }
  // Back online: send what waited.
  globalThis.addEventListener?.('online', () => void requestSync());
  void requestSync();
}
