// Runs project code inside an extension page: esbuild bundles an entry file into one IIFE (resolving `@/`
// to the project root as tsconfig and WXT do), and Playwright evaluates it over CDP (Runtime.evaluate),
// which the extension's content security policy does not block.
import { resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { Page, Worker } from 'playwright-core';

export interface PageBundle {
  code: string;
  bytes: number;
  /** Browser-extension modules replaced by a stub (`chrome` in an extension page, else an empty object). */
  stubbed: string[];
}

/** `@/x` → `<root>/x`, and `wxt/browser` → the page's own extension API (`chrome`), or nothing outside one. */
function projectResolution(root: string, stubbed: Set<string>): Plugin {
  return {
    name: 'project-resolution',
    setup(b) {
      b.onResolve({ filter: /^@\// }, (args) =>
        b.resolve(`./${args.path.slice(2)}`, { kind: args.kind, resolveDir: root, importer: args.importer }),
      );
      b.onResolve({ filter: /^wxt\/browser$/ }, (args) => {
        stubbed.add(args.path);
        return { path: args.path, namespace: 'stub' };
      });
      b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
        contents: 'export const browser = globalThis.browser ?? globalThis.chrome ?? {}; export default browser;',
      }));
    },
  };
}

export async function bundleForPage(entry: string, root: string): Promise<PageBundle> {
  const stubbed = new Set<string>();
  const result = await build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    absWorkingDir: root,
    plugins: [projectResolution(root, stubbed)],
  });
  const code = result.outputFiles[0]?.text ?? '';
  return { code, bytes: Buffer.byteLength(code), stubbed: [...stubbed] };
}

/** Defines the bundle as a function over CDP, then runs it from a timer task (see injectBundle). */
export async function runBundle(target: Pick<Worker, 'evaluate'>, bundle: PageBundle): Promise<void> {
  await target.evaluate(`globalThis.__benchModule = function () {\n${bundle.code}\n};\n0;`);
  await target.evaluate(
    () =>
      new Promise<void>((done, fail) =>
        setTimeout(() => {
          try {
            (globalThis as unknown as { __benchModule: () => void }).__benchModule();
            done();
          } catch (error) {
            fail(error);
          }
        }),
      ),
  );
}

/**
 * Defines the bundle as a function over CDP, then runs it from a timer task in the page. Runtime.evaluate
 * lets code it runs synchronously use eval despite the extension's CSP, so a module evaluated straight away
 * would find eval allowed (zod probes it once, when its schemas are built, and would then compile parsers
 * that the CSP rejects as soon as they run after an await). Run from a task, the bundle sees the page's
 * real policy, as the product's own code does.
 */
export async function injectBundle(page: Page, bundle: PageBundle, name: string): Promise<void> {
  await runBundle(page, bundle);
  const defined = await page.evaluate((n) => typeof (globalThis as Record<string, unknown>)[n], name);
  if (defined !== 'object') throw new Error(`the injected bundle did not define globalThis.${name} (got ${defined})`);
}
