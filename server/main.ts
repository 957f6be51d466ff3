// The sync server's entry: `npm run server` starts it (127.0.0.1:8787, embedded database in
// ./server-data, or PostgreSQL with DATABASE_URL); `npm run server -- user add …` manages users.
import { configFromEnv, openDatabase, type Fault } from './config';
import { migrate } from './db/migrate';
import { buildApp, type AppOptions } from './http/app';
import { USAGE, prepareUserCommand } from './cli';

/** Where each test-only fault (HATTAMA_FAULT) kills the process. */
const FAULT_HOOKS: Record<Fault, keyof NonNullable<AppOptions['faults']>> = {
  'push-before-commit': 'pushBeforeCommit',
  'push-after-commit': 'pushAfterCommit',
  'pull-before-reply': 'pullBeforeReply',
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command !== undefined && command !== 'user' && command !== 'migrate' && command !== 'start') {
    console.error(`Unknown command ${command}\n\n${USAGE}`);
    return 2;
  }
  const cfg = configFromEnv();
  const userCommand = command === 'user' ? await prepareUserCommand(rest) : null;
  if (typeof userCommand === 'number') return userCommand;
  const db = await openDatabase(cfg);
  let serving = false;
  try {
    const applied = await migrate(db);
    if (applied.length > 0) console.log(`Migrations applied: ${applied.join(', ')}`);
    if (command === 'migrate') return 0;
    if (userCommand) return await userCommand(db);
    serving = true;
  } finally {
    if (!serving) await db.close();
  }

  const kill = () => process.kill(process.pid, 'SIGKILL');
  const faults: AppOptions['faults'] = cfg.fault ? { [FAULT_HOOKS[cfg.fault]]: kill } : {};
  const app = await buildApp({
    db, webRoot: cfg.webRoot, tokenTtlMs: cfg.tokenTtlMs, pushBodyLimit: cfg.pushBodyLimit, trustProxy: cfg.trustProxy, docCompactAt: cfg.docCompactAt, logger: cfg.log, faults,
  });
  const address = await app.listen({ host: cfg.host, port: cfg.port });
  console.log(`Hattama sync server at ${address} (${db.kind === 'postgres' ? 'PostgreSQL' : `embedded database in ${cfg.dataDir}`})`);

  await new Promise<void>((resolve) => {
    let closing = false;
    const stop = (signal: string) => {
      if (closing) return;
      closing = true;
      console.log(`${signal}: closing`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await app.close();
  await db.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
