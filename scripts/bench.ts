// `npm run bench [suite…]`: runs every suite of scripts/bench/suites/ (or the named ones) against the built
// extension, prints their figures and merges them into .bench/results.json. Slow figures are reported,
// never fatal: the exit code is 1 only when a suite crashed. A suite that crashes (its page or browser
// closed under it, an error, BENCH_SUITE_TIMEOUT passed) keeps the figures it recorded; the next suite runs
// in a fresh browser, and the final table says which figures are missing and why.
// BENCH_SCALE=0.01 runs every register size at 1/100 (100k → 1k), into .bench/results-scale-0.01.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, EXTENSION_DIR, launch, type Session } from '../tests/browser/support/chromium';
import { removeTemporary } from '../tests/support/temporary';
import {
  checkTargets,
  firstLine,
  formatMissing,
  formatTable,
  formatTargets,
  type MissingFigure,
  mergeIntoFile,
  missingFigures,
  sizeLabel,
} from './bench/report';
import type { Figure, Suite } from './bench/suite';

const ROOT = resolve(import.meta.dirname, '..');
const SUITES_DIR = join(ROOT, 'scripts/bench/suites');
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RESULTS = join(ROOT, SCALE === 1 ? '.bench/results.json' : `.bench/results-scale-${SCALE}.json`);
/** A suite still running after this is stopped (its browser closed) and reported as crashed. */
const SUITE_TIMEOUT_MS = Number(process.env.BENCH_SUITE_TIMEOUT ?? 45 * 60) * 1000;

const size = (full: number) => Math.max(1, Math.round(full * SCALE));
const label = (full: number) => sizeLabel(size(full));

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
  const missing: MissingFigure[] = [];
  let crashed = 0;
  for (const suite of suites) {
    console.log(`\n▸ ${suite.id}`);
    const suiteStarted = Date.now();
    let session: Promise<Session> | undefined;
    // The suite's profile outlives a restart (restartBrowser), not a fresh browser or the suite's end.
    let profile: string | undefined;
    const start = () => {
      profile ??= mkdtempSync(join(tmpdir(), 'registre-bench-'));
      session = launch({ userDataDir: profile });
      return session;
    };
    const closeSession = async (keepProfile = false) => {
      const open = await session?.catch(() => undefined);
      session = undefined;
      await open?.close().catch(() => undefined);
      if (!keepProfile && profile) {
        removeTemporary(profile);
        profile = undefined;
      }
    };
    const recorded = new Map<string, Figure>();
    const record = (figure: Figure) => {
      recorded.set(figure.id, figure);
      // Stored at once, so that a crash later in this suite (or in another) does not lose it.
      mergeIntoFile(RESULTS, [figure]);
    };
    const reported: MissingFigure[] = [];
    let crash: unknown;
    let timer: NodeJS.Timeout | undefined;
    try {
      const running = suite.run({
        root: ROOT,
        scale: SCALE,
        size,
        label,
        browser: () => session ?? start(),
        freshBrowser: async () => {
          await closeSession();
          return start();
        },
        restartBrowser: async () => {
          await closeSession(true);
          return start();
        },
        record,
        missing: (id, error) => {
          reported.push({ id, suite: suite.id, reason: `crashed: ${firstLine(error)}` });
          console.error(`  ✗ ${id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        },
        log: (line) => console.log(`  ${line}`),
      });
      // After a timeout the suite fails on its closed browser later: that late rejection is not news.
      running.catch(() => undefined);
      const timeout = new Promise<never>((_, fail) => {
        timer = setTimeout(
          () => fail(new Error(`timed out after ${SUITE_TIMEOUT_MS / 1000} s (BENCH_SUITE_TIMEOUT)`)),
          SUITE_TIMEOUT_MS,
        );
      });
      for (const figure of (await Promise.race([running, timeout])) ?? []) record(figure);
    } catch (error) {
      crash = error;
      crashed++;
      console.error(
        `  ✗ ${suite.id} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    } finally {
      clearTimeout(timer);
      // Closing the browser also ends a suite that timed out: its next call into the page fails.
      await closeSession();
    }
    figures.push(...recorded.values());
    missing.push(
      ...missingFigures(
        suite.id,
        suite.expects?.({ label, scale: SCALE }) ?? [],
        [...recorded.values()],
        crash,
        reported,
      ),
    );
    console.log(`  (${suite.id}: ${seconds(suiteStarted)})`);
  }

  if (SCALE !== 1) console.log(`\nBENCH_SCALE=${SCALE}: register sizes scaled, figure ids say the size measured.`);
  if (figures.length) {
    console.log(`\n${formatTable(figures)}`);
    const verdicts = checkTargets(figures, missing);
    if (verdicts.length) console.log(`\nTargets (reported, never fatal):\n${formatTargets(verdicts)}`);
    console.log(`\nMerged into ${RESULTS}`);
  }
  if (missing.length) console.log(`\n${formatMissing(missing)}`);
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
