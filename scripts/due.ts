// npm run -s due -- 2026-05-12T09:30:00Z "10 jours ouvrés" [--alsace-moselle] (or `answer --preset=acpr`):
// prints the due date as one line of JSON.
import { runDueCli } from './cli/due';

const { code, stdout, stderr } = runDueCli(process.argv.slice(2));
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = code;
