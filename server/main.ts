// `npm run server` and its commands:
//   npm run server                         start (embedded in .server-data/, or DATABASE_URL)
//   npm run server -- --workers 2          several processes on one port (DATABASE_URL only)
//   npm run server -- agent add --org "Maison Lumen" --name "Claire Martin" --role agent [--email …]
//   npm run server -- agent revoke --org "Maison Lumen" --agent <id | e-mail | name>
//   npm run server -- agent list --org "Maison Lumen"
//   npm run server -- transfer --to postgres://…   (embedded folder → real PostgreSQL)
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { RoleSchema } from '../lib/sync/protocol';
import { buildApp, LOG_SERIALIZERS } from './app';
import { assertConfinedRole } from './db/db';
import { migrate } from './db/migrate';
import { pgDb } from './db/pg';
import { lockFolder } from './lock';
import { DEFAULT_DATA_DIR, openRegister } from './start';
import { addAgent, listAgents, revokeAgent } from './store/agents';
import { transfer } from './transfer';
import { isWorker, reportReady, runPrimary } from './workers';

const OPTIONS = {
  org: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  role: { type: 'string' },
  agent: { type: 'string' },
  to: { type: 'string' },
  workers: { type: 'string' },
} as const;

function need(value: string | undefined, flag: string): string {
  if (!value) throw new Error(`Option manquante : --${flag}`);
  return value;
}

async function agentCommand(action: string | undefined, values: Record<string, string | undefined>) {
  const opened = await openRegister();
  try {
    const org = need(values.org, 'org');
    if (action === 'add') {
      const role = RoleSchema.parse(values.role ?? 'agent');
      const { agent, token } = await addAgent(opened.db, {
        org,
        name: need(values.name, 'name'),
        email: values.email,
        role,
      });
      console.log(`Agent ajouté : ${agent.name} (${agent.role}) dans « ${org} », id ${agent.id}`);
      console.log(`Jeton (affiché une seule fois, seule son empreinte SHA-256 est gardée) :\n${token}`);
    } else if (action === 'revoke') {
      const n = await revokeAgent(opened.db, org, need(values.agent, 'agent'));
      console.log(n ? `Jeton révoqué (${n} agent).` : 'Aucun agent actif ne correspond.');
      if (!n) process.exitCode = 1;
    } else if (action === 'list') {
      for (const a of await listAgents(opened.db, org)) {
        console.log(
          [a.id, a.role.padEnd(8), a.revokedAt ? `révoqué ${a.revokedAt}` : 'actif', a.name, a.email].join('  '),
        );
      }
    } else {
      throw new Error('Commande inconnue : agent add | revoke | list');
    }
  } finally {
    await opened.close();
  }
}

async function transferCommand(to: string) {
  const dir = process.env.SERVER_DATA_DIR ?? DEFAULT_DATA_DIR;
  const release = lockFolder(dir);
  const source = await PGlite.create(dir);
  const target = pgDb({ url: to, max: 2 });
  try {
    await assertConfinedRole(target);
    await migrate(target);
    const report = await transfer(source, target);
    console.log(`Transféré : ${report.orgs} organisation(s) ;`, report.rows);
  } finally {
    await target.close();
    await source.close();
    release();
  }
}

/** `--workers N` or SERVER_WORKERS: server processes sharing the port (1 by default). */
function workerCount(flag: string | undefined): number {
  const text = flag ?? process.env.SERVER_WORKERS ?? '1';
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`Nombre de processus invalide : ${text} (1 à 64).`);
  if (n > 1 && !process.env.DATABASE_URL) {
    throw new Error(
      'Plusieurs processus (--workers) demandent une base PostgreSQL (DATABASE_URL) : ' +
        'un dossier embarqué ne sert qu’un seul processus.',
    );
  }
  return n;
}

async function serve(workers: number) {
  if (workers > 1 && !isWorker()) {
    // The primary checks the role and migrates once, then only forks and forwards signals.
    const opened = await openRegister();
    const version = opened.schemaVersion;
    await opened.close();
    return runPrimary(
      workers,
      (address) => `Registre d’équipe prêt sur ${address} (PostgreSQL, schéma v${version}, ${workers} processus)`,
    );
  }
  const opened = await openRegister();
  const app = await buildApp({
    db: opened.db,
    schemaVersion: opened.schemaVersion,
    logger: { level: process.env.LOG_LEVEL ?? 'info', serializers: LOG_SERIALIZERS },
    rateLimit: process.env.RATE_LIMIT ? Number(process.env.RATE_LIMIT) : undefined,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'arrêt : fin des requêtes en cours');
    // close() stops accepting, answers waiting long-polls, and waits for in-flight pushes to commit.
    await app.close();
    await opened.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  const port = Number(process.env.PORT ?? 8787);
  const host = process.env.HOST ?? '127.0.0.1';
  const address = await app.listen({ port, host });
  // One plain line whatever the log level: where to point the extension (tests and the bench read it too).
  if (isWorker()) return reportReady(address);
  const engine = opened.db.engine === 'pg' ? 'PostgreSQL' : 'moteur embarqué';
  console.log(`Registre d’équipe prêt sur ${address} (${engine}, schéma v${opened.schemaVersion})`);
}

async function main() {
  const { positionals, values } = parseArgs({ options: OPTIONS, allowPositionals: true });
  const [command, action] = positionals;
  if (!command || command === 'start') return serve(workerCount(values.workers));
  if (command === 'agent') return agentCommand(action, values);
  if (command === 'transfer') return transferCommand(need(values.to, 'to'));
  throw new Error(`Commande inconnue : ${command} (start | agent | transfer)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
