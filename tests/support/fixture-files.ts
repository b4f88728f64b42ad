// Where a saved page lives. Pages written for this project are in tests/fixtures/; real pages published by
// other projects are third-party files the project keeps no copy of: they are read from the team's shared
// set beside the project (../shared/fixtures/gmail/, with its SOURCES.md). A clone outside the team's
// workspace has no shared set: the tests that need it are skipped, and one line says so (see
// shared-fixtures-notice.ts).
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A string, not new URL(): under the happy-dom environment the global URL is the DOM's, not Node's.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const OWN_FIXTURES = join(ROOT, 'tests', 'fixtures');
export const SHARED_FIXTURES = resolve(ROOT, '..', 'shared', 'fixtures');
export const SHARED_GMAIL = join(SHARED_FIXTURES, 'gmail');
/** Real FreeScout pages rendered by a local instance (../shared/fixtures/freescout/SOURCES.md). */
export const SHARED_FREESCOUT = join(SHARED_FIXTURES, 'freescout');
const SHARED_DIRS = [SHARED_GMAIL, SHARED_FREESCOUT];

function sharedFile(name: string): string | undefined {
  return SHARED_DIRS.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

/** True when the team's shared set of real pages is beside the project. */
export const sharedFixturesPresent = existsSync(SHARED_GMAIL);

/** The one line printed when the shared set is missing, naming the folder relative to the project. */
export const SHARED_MISSING_LINE = `Pages réelles absentes : ${relative(ROOT, SHARED_GMAIL)} introuvable ; les tests qui les lisent sont ignorés.`;

/** True when `name` is one of this project's own pages (tests/fixtures/). */
export function isOwnFixture(name: string): boolean {
  return existsSync(join(OWN_FIXTURES, name));
}

/** True when the page can be read here: one of ours, or a shared one with the shared set present. */
export function fixtureAvailable(name: string): boolean {
  return isOwnFixture(name) || sharedFile(name) !== undefined;
}

/** The path of a saved page: ours first, then the shared set. */
export function fixtureFile(name: string): string {
  return isOwnFixture(name) ? join(OWN_FIXTURES, name) : (sharedFile(name) ?? join(SHARED_GMAIL, name));
}
