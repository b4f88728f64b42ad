// npm run -s spot -- message.txt [--from=client@example.fr] [--own-domain=boutique.fr]: prints the
// complaint verdict as one line of JSON (subject on the file's first line, body after).
import { readFileSync } from 'node:fs';
import { runSpotCli } from './cli/spot';

const { code, stdout, stderr } = runSpotCli(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = code;
