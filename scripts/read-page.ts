// Thin wrapper: the logic (and its tests) live in lib/webmail/read-page-cli.ts.
import { runReadPageCli } from './cli/read-page';

const outcome = await runReadPageCli(process.argv.slice(2), process.env);
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
