// Loads a saved page (ours in tests/fixtures, or a real one of the shared set) in a scriptless happy-dom
// window (the CLI's own settings).
import { readFileSync } from 'node:fs';
import { parseSavedPage, type SavedPage } from '../../scripts/cli/saved-page';
import { fixtureFile } from '../support/fixture-files';

export { fixtureAvailable, sharedFixturesPresent } from '../support/fixture-files';

export function fixturePath(name: string): string {
  return fixtureFile(name);
}

export function loadFixture(name: string, url?: string): SavedPage {
  return parseSavedPage(readFileSync(fixturePath(name), 'utf8'), url);
}

export const PARIS = { timeZone: 'Europe/Paris' } as const;
