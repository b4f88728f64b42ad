// vitest globalSetup: says once per run, in one line, when the shared real pages are missing.
import { SHARED_MISSING_LINE, sharedFixturesPresent } from './fixture-files';

export function setup(): void {
  if (!sharedFixturesPresent) console.warn(SHARED_MISSING_LINE);
}
