// Thin wrapper: the logic lives in scripts/cli/read-page.ts, tested in tests/webmail/read-page-cli.test.ts.
import { runReadPageCli } from './cli/read-page';

const outcome = await runReadPageCli(process.argv.slice(2), process.env);
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
