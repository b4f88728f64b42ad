// Every pure module of lib/ (all of lib/ but the extension wing, lib/extension/) loads in plain Node: no
// DOM, no extension API, no fake of either. This is what lets the team server reuse them unchanged.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const LIB = join(ROOT, 'lib');

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join(LIB, 'extension') ? [] : modules(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('the pure modules of lib/ in plain Node', () => {
  it('runs without any browser global', () => {
    const g = globalThis as Record<string, unknown>;
    expect([g.document, g.window, g.browser, g.chrome, g.indexedDB]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it.each(modules(LIB).map((path) => relative(ROOT, path)))('loads %s', async (path) => {
    await expect(import(join(ROOT, path))).resolves.toBeDefined();
  });
});

// Imports are held by .dependency-cruiser.cjs; globals are not imports, so they are checked here: outside
// lib/extension/ (the extension wing) and lib/webmail/ (which reads the webmail page by definition), no
// module reaches for the page, the extension APIs, workers or the clipboard.
const PAGE_GLOBALS =
  /\b(document|window|navigator|location|browser|chrome|localStorage|sessionStorage)\s*\.|\bnew\s+(Worker|MutationObserver)\b/;

describe('no DOM or extension global in the pure modules', () => {
  const pure = modules(LIB).filter((path) => !path.startsWith(join(LIB, 'webmail')));
  it.each(pure.map((path) => relative(ROOT, path)))('%s', (path) => {
    const code = readFileSync(join(ROOT, path), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:])\/\/.*$/gm, '$1')
      .replace(/(['"`])(?:\\.|(?!\1).)*\1/g, "''");
    const found = code.split('\n').find((line) => PAGE_GLOBALS.test(line));
    expect(found, `${path} uses a page or extension global`).toBeUndefined();
  });
});
