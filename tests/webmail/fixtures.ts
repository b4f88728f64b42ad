// Loads a saved page from tests/fixtures in a scriptless happy-dom window (the CLI's own settings).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSavedPage, type SavedPage } from '../../lib/webmail/saved-page';

// A string, not new URL(): under the happy-dom environment the global URL is the DOM's, not Node's.
export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function fixturePath(name: string): string {
  return join(FIXTURES_DIR, name);
}

export function loadFixture(name: string, url?: string): SavedPage {
  return parseSavedPage(readFileSync(fixturePath(name), 'utf8'), url);
}

export const PARIS = { timeZone: 'Europe/Paris' } as const;
