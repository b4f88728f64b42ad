// `npm run bench [suite…]`: runs every suite of scripts/bench/suites/ (or the named ones) against the built
// extension, prints their figures and merges them into .bench/results.json. Slow figures are reported,
// never fatal: the exit code is 1 only when a suite crashed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, EXTENSION_DIR, launch, type Session } from '../tests/browser/support/chromium';
import { checkTargets, formatTable, formatTargets, mergeIntoFile } from './bench/report';
import type { Figure, Suite } from './bench/suite';

const ROOT = resolve(import.meta.dirname, '..');
const SUITES_DIR = join(ROOT, 'scripts/bench/suites');
const RESULTS = join(ROOT, '.bench/results.json');

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function chromiumVersion(): string {
  try {
    // Debian's wrapper script prints a harmless shell warning on stderr: ignore it.
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `unknown (${CHROMIUM} --version failed)`;
  }
}

async function loadSuites(only: readonly string[]): Promise<Suite[]> {
  const suites: Suite[] = [];
  for (const file of readdirSync(SUITES_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const suite = ((await import(pathToFileURL(join(SUITES_DIR, file)).href)) as { default?: Partial<Suite> }).default;
    if (typeof suite?.id !== 'string' || typeof suite.run !== 'function')
      throw new Error(`scripts/bench/suites/${file}: the default export must be { id, run(ctx) }`);
    if (only.length === 0 || only.includes(suite.id)) suites.push(suite as Suite);
  }
  const unknown = only.filter((id) => !suites.some((s) => s.id === id));
  if (unknown.length) throw new Error(`no suite named ${unknown.join(', ')}`);
  return suites;
}

async function main(): Promise<number> {
  const started = Date.now();
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`No built extension in ${EXTENSION_DIR}: run \`npx wxt build\` (npm run bench does it).`);
    return 1;
  }
  const suites = await loadSuites(process.argv.slice(2));
  const cores = cpus();
  console.log(`${chromiumVersion()} (headless) · Node ${process.version}`);
  console.log(
    `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
  );
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(`Load average before the run: ${load} (other work on the machine skews the figures)`);
  console.log(`Figures from a ${cores.length}-core machine: compare them with runs on the same machine only.`);

  const figures: Figure[] = [];
  let crashed = 0;
  for (const suite of suites) {
    console.log(`\n▸ ${suite.id}`);
    const suiteStarted = Date.now();
    let session: Promise<Session> | undefined;
    try {
      const got = await suite.run({
        root: ROOT,
        browser: () => {
          session ??= launch();
          return session;
        },
        log: (line) => console.log(`  ${line}`),
      });
      figures.push(...got);
      // Stored per suite, so that a later suite's crash does not lose these figures.
      mergeIntoFile(RESULTS, got);
    } catch (error) {
      crashed++;
      console.error(
        `  ✗ ${suite.id} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    } finally {
      const open = await session?.catch(() => undefined);
      await open?.close();
    }
    console.log(`  (${suite.id}: ${seconds(suiteStarted)})`);
  }

  if (figures.length) {
    console.log(`\n${formatTable(figures)}`);
    const verdicts = checkTargets(figures);
    if (verdicts.length) console.log(`\nTargets (reported, never fatal):\n${formatTargets(verdicts)}`);
    console.log(`\nMerged into ${RESULTS}`);
  }
  console.log(`Total ${seconds(started)}${crashed ? `; ${crashed} suite(s) crashed` : ''}`);
  return crashed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
