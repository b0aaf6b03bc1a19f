/** The `dobroset` command line: start, migrate, seed, admin create, backup, restore. */
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Command } from 'commander';
import { configFrom, withConfigFlags } from './cli/config-flags.js';
import { guardUnhandledRejections, stopGracefullyOnSignals } from './cli/process-guards.js';
import {
  createAccountsRepo,
  createAccountsService,
  createSessionService,
  createSessionsRepo,
} from './modules/accounts/index.js';
import { createNetworkRepo } from './modules/network/index.js';
import { createAuditWriter } from './platform/audit/audit.js';
import { systemClock } from './platform/clock.js';
import { type Config, ConfigError, redact } from './platform/config.js';
import { backupTo, RestoreError, restoreFrom } from './platform/db/backup.js';
import { type DatabaseHandle, openDatabase, UNBOUNDED_TIMEOUTS } from './platform/db/database.js';
import { DataDirLockedError } from './platform/db/lock.js';
import { migrateToLatest, SchemaTooNewError } from './platform/db/migrate.js';
import { createJobs } from './platform/jobs/jobs.js';
import { createLogger } from './platform/logger.js';
import { createMailer } from './platform/mail/mailer.js';
import { createFsFileStore } from './platform/storage/fs-file-store.js';
import { createRuntime } from './runtime.js';
import type { DemoAccount } from './seed/demo.js';
import { removeDemoData, seedAll, seedDemoOnly } from './seed/seed.js';
import { registerShapesCommand } from './seed/shapes/cli.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Gives back what only the start needed, once the server is up. Migrations, the seed and compiling every
 * route's validators and serializers leave V8 with a young generation grown to its maximum (32 MB) and
 * free old-space pages, which an idle server keeps resident. The inspector's "collect garbage" is V8's
 * low-memory collection, which also shrinks those (about 40 MB less resident, for one 0.2 s pause; the
 * young generation grows again with the load the server serves). In-process: no port is opened. A Node
 * without the inspector gets a plain full collection instead.
 */
async function releaseStartupMemory(): Promise<void> {
  try {
    const session = new inspector.Session();
    session.connect();
    try {
      await new Promise<void>((resolve, reject) =>
        session.post('HeapProfiler.collectGarbage', (error) => (error ? reject(error) : resolve())),
      );
    } finally {
      session.disconnect();
    }
  } catch {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  }
}

async function withDatabase<T>(
  config: Config,
  command: string,
  fn: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  // An operator's command (migrate, backup, restore…) runs as long as it needs: no statement timeouts.
  const handle = await openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    lockCommand: command,
    timeouts: UNBOUNDED_TIMEOUTS,
  });
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

function printDemoAccounts(accounts: DemoAccount[]) {
  if (accounts.length === 0) return;
  print(
    'Demo accounts (shown once; the data is marked as demo, remove it with `dobroset seed --remove-demo`):',
  );
  for (const a of accounts) print(`  ${a.role.padEnd(20)} ${a.email}  password: ${a.password}`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** What the launcher (bin/dobroset.mjs) hands over: the web build still running on a first start. */
export type CliContext = { webBuild?: Promise<unknown> };

export function buildCli(context: CliContext = {}): Command {
  const program = new Command('dobroset')
    .description('Dobroset: a platform for a regional network of volunteer centres («Добро.Центр»)')
    .showHelpAfterError();

  withConfigFlags(
    program.command('start').description('Run the platform (migrates and seeds on first start)'),
  ).action(async (options) => {
    const config = configFrom(options);
    const log = createLogger(config.logLevel);
    guardUnhandledRejections(log);
    const started = Date.now();
    // Without SMTP, mail also lands as .eml files beside the data, so a trial install can open its links.
    const mailDir = config.smtpUrl ? null : path.join(config.dataDir, 'mail');
    const runtime = await createRuntime({ config, log, mailDir, webReady: context.webBuild });
    const seeded = await seedAll(runtime.handle.db, systemClock, { demo: config.demo });
    if (seeded.regionSeeded) log.info('Kuzbass reference data loaded');
    printDemoAccounts(seeded.demoAccounts);
    // A burst of connections waits in the kernel while the embedded database holds the event loop: a deep
    // accept queue keeps them there instead of resetting them (issue 11: 128 of 1,000 reset at 511).
    await runtime.app.listen({ port: config.port, host: config.host, backlog: 4096 });
    const database = config.databaseUrl
      ? `PostgreSQL ${redact(config.databaseUrl)}`
      : `embedded database in ${config.dataDir}`;
    log.info({ ms: Date.now() - started }, `Dobroset is running at ${config.publicUrl} (${database})`);
    stopGracefullyOnSignals(log, () => runtime.close());
    // A second later, so the first requests are not held by the collection's pause.
    setTimeout(() => void releaseStartupMemory(), 1000).unref();
  });

  withConfigFlags(
    program.command('migrate').description('Apply pending database migrations'),
    'database',
  ).action(async (options) => {
    const config = configFrom(options);
    await withDatabase(config, 'dobroset migrate', async (handle) => {
      const applied = await migrateToLatest(handle.db);
      print(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    });
  });

  withConfigFlags(
    program
      .command('seed')
      .description('Load the Kuzbass reference data if absent; add or remove demo data')
      .option('--with-demo', 'Also generate demo data (if not there yet)')
      .option('--remove-demo', 'Remove all data marked as demo'),
    'database',
  ).action(async (options) => {
    const config = configFrom(options);
    await withDatabase(config, 'dobroset seed', async (handle) => {
      await migrateToLatest(handle.db);
      if (options.removeDemo) {
        const removed = await removeDemoData(handle.db);
        print(`Demo data removed (${removed} demo users).`);
        return;
      }
      const result = await seedAll(handle.db, systemClock, { demo: false });
      print(result.regionSeeded ? 'Kuzbass reference data loaded.' : 'Reference data is already present.');
      if (options.withDemo) printDemoAccounts(await seedDemoOnly(handle.db, systemClock));
    });
  });

  const admin = program.command('admin').description('Administration');
  withConfigFlags(
    admin
      .command('create')
      .description('Create the first regional admin (or make an existing user one)')
      .requiredOption('--email <email>', 'Email address of the admin')
      .option('--name <name>', 'Display name', 'Региональный оператор')
      .option(
        '--password-stdin',
        'Read the password from standard input instead of generating a one-time password',
      ),
    'database',
  ).action(async (options) => {
    const config = configFrom(options);
    const password = options.passwordStdin ? await readStdin() : undefined;
    await withDatabase(config, 'dobroset admin create', async (handle) => {
      await migrateToLatest(handle.db);
      await seedAll(handle.db, systemClock, { demo: false });
      const log = createLogger('warn');
      const jobs = createJobs(handle.executor, log, { work: false });
      const mailer = createMailer({
        db: handle.db,
        jobs,
        clock: systemClock,
        log,
        smtpUrl: null,
        from: config.mailFrom,
      });
      const repo = createAccountsRepo(handle.db);
      const sessions = createSessionService({
        sessions: createSessionsRepo(handle.db),
        clock: systemClock,
        settings: { idleMinutes: 60, absoluteDays: 1 },
      });
      const accounts = createAccountsService({
        db: handle.db,
        repo,
        sessions,
        mailer,
        clock: systemClock,
        audit: createAuditWriter({ clock: systemClock }),
        publicUrl: config.publicUrl,
      });
      const region = await createNetworkRepo(handle.db).region();
      if (!region) throw new Error('The database has no region: run "dobroset seed" first.');
      const result = await accounts.createRegionalAdmin({
        email: options.email,
        displayName: options.name,
        password,
        regionId: region.id,
      });
      print(`Regional admin ${result.user.email} is ready.`);
      if (result.oneTimePassword) {
        print(`One-time password: ${result.oneTimePassword}`);
        print('It must be changed at the first login.');
      }
    });
  });

  withConfigFlags(
    program
      .command('backup')
      .description('Write a consistent backup of the database to <file> (gzip JSON lines)')
      .argument('<file>'),
    'database',
  ).action(async (file: string, options) => {
    const config = configFrom(options);
    const target = path.resolve(file);
    await withDatabase(config, 'dobroset backup', async (handle) => {
      const result = await backupTo(handle.db, target, {
        files: createFsFileStore(config.uploadDir),
        copyUrl: handle.url,
      });
      const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
      print(
        `Backup written to ${file}: ${rows} rows in ${Object.keys(result.rows).length} tables, ${result.files} files, ${fs.statSync(target).size} bytes.`,
      );
      if (result.missingFiles.length > 0) {
        print(
          `Warning: ${result.missingFiles.length} referenced files were not found in ${config.uploadDir}: ${result.missingFiles.slice(0, 5).join(', ')}`,
        );
      }
    });
  });

  withConfigFlags(
    program
      .command('restore')
      .description('Restore a backup into an empty data directory or database')
      .argument('<file>'),
    'database',
  ).action(async (file: string, options) => {
    const config = configFrom(options);
    if (!config.databaseUrl && fs.existsSync(path.join(config.dataDir, 'pgdata'))) {
      throw new RestoreError(`${config.dataDir} already holds a database. Restore into an empty DATA_DIR.`);
    }
    await withDatabase(config, 'dobroset restore', async (handle) => {
      const result = await restoreFrom(handle.db, path.resolve(file), {
        files: createFsFileStore(config.uploadDir),
      });
      const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
      print(`Restored ${rows} rows and ${result.files} files from ${file}.`);
    });
  });

  registerShapesCommand(program);
  return program;
}

/** Known failures become one clear line and an exit code; anything else is a bug and shows its stack. */
export async function runCli(argv: string[], context: CliContext = {}) {
  try {
    await buildCli(context).parseAsync(argv);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    if (
      error instanceof DataDirLockedError ||
      error instanceof SchemaTooNewError ||
      error instanceof RestoreError
    ) {
      process.stderr.write(`${error.message}\n`);
      process.exit(3);
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await runCli(process.argv);
}
