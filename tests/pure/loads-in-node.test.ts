// Every pure module of lib/ (all of lib/ but the extension wing, lib/extension/) loads in plain Node: no
// DOM, no extension API, no fake of either. This is what lets the team server reuse them unchanged.
import { readdirSync } from 'node:fs';
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
