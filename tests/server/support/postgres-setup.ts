// The real-PostgreSQL half of the server tests needs a running server. Here it is checked once (and, as
// root on a Debian machine, started); when it cannot be reached the run fails with one line saying how.
import { execFileSync } from 'node:child_process';
import { postgresReachable as reachable } from './pg-admin';

export default async function setup(): Promise<void> {
  if (await reachable()) return;
  try {
    execFileSync('pg_ctlcluster', ['15', 'main', 'start'], { stdio: 'ignore' });
  } catch {
    // not Debian's layout, or not allowed: the message below says what to do
  }
  if (await reachable()) return;
  throw new Error(
    'PostgreSQL injoignable / unreachable: démarrez-le / start it with `pg_ctlcluster 15 main start` ' +
      '(as root, after `createuser -s root`) or set PG_ADMIN_URL to a superuser URL; CI starts it in .ci/run.',
  );
}
