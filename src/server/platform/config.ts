/**
 * Configuration from environment variables (and CLI flags that override them), validated once at boot.
 * An invalid value stops the start with a message naming the variable.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { type DatabaseTimeouts, DEFAULT_TIMEOUTS } from './db/timeouts.js';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string;
  demo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  mapTileUrl: string | null;
  mapTileAttribution: string | null;
  sessionIdleMinutes: number;
  sessionAbsoluteDays: number;
  /** Proxy hops to trust for the client address: none, a count from the socket, or known addresses. */
  trustProxy: TrustProxy;
  uploadDir: string;
  uploadMaxMb: number;
  signupLimits: { maxHoursPerDay: number; minRestHours: number; offerHours: number };
  /** PostgreSQL pool and how long the app waits for the server (DATABASE_*; not used by PGlite). */
  database: { poolSize: number; timeouts: DatabaseTimeouts };
  /** How long /api/ready waits for the database before it answers 503. */
  readyTimeoutMs: number;
  /** The queue in front of the database: API requests at once, waiting, and how long they may wait. */
  loadShedding: { maxInFlight: number; maxQueued: number; maxQueueWaitMs: number };
};

/** `false`: the socket's address is the client's; a number: that many proxy hops; a list: those proxies. */
export type TrustProxy = false | number | string[];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
  }
}

/** Every setting: environment variable, CLI flag, default, meaning. README's table is written from this. */
export const CONFIG_VARIABLES = [
  ['PORT', '--port', '3000', 'HTTP port'],
  ['HOST', '--host', '0.0.0.0', 'Interface to listen on'],
  [
    'DATA_DIR',
    '--data-dir',
    './data',
    'Embedded database and files directory (used when DATABASE_URL is unset)',
  ],
  [
    'DATABASE_URL',
    '--database-url',
    '(unset)',
    'PostgreSQL 15+ connection URL; unset = embedded PGlite in DATA_DIR',
  ],
  [
    'SMTP_URL',
    '--smtp-url',
    '(unset)',
    'SMTP server URL (smtp:// or smtps://); unset = mail is kept in the outbox table and as .eml files in DATA_DIR/mail',
  ],
  ['MAIL_FROM', '--mail-from', 'Dobroset <no-reply@localhost>', 'Sender address of outgoing mail'],
  [
    'PUBLIC_URL',
    '--public-url',
    'http://localhost:PORT',
    'External URL of the site, used in mailed links; https enables Secure cookies',
  ],
  ['DEMO', '--demo / --no-demo', 'true', 'Generate demo data (marked as demo) on first start'],
  ['LOG_LEVEL', '--log-level', 'info', 'fatal, error, warn, info, debug, trace or silent'],
  [
    'MAP_TILE_URL',
    '--map-tile-url',
    '(unset)',
    'XYZ tile URL template for maps; unset = maps without tiles (works offline)',
  ],
  ['MAP_TILE_ATTRIBUTION', '--map-tile-attribution', '(unset)', 'Attribution text shown with the tiles'],
  [
    'SESSION_IDLE_MINUTES',
    '--session-idle-minutes',
    '720',
    'A session ends after this long without requests',
  ],
  [
    'SESSION_ABSOLUTE_DAYS',
    '--session-absolute-days',
    '30',
    'A session ends this long after login, whatever the activity',
  ],
  [
    'TRUST_PROXY',
    '--trust-proxy',
    'false',
    'Reverse proxies whose X-Forwarded-For is believed: false, a hop count (1 = the proxy in front; true = 1), or a comma-separated list of proxy addresses/CIDRs',
  ],
  [
    'UPLOAD_DIR',
    '--upload-dir',
    'DATA_DIR/uploads',
    'Directory for uploaded documents (outside the web root)',
  ],
  ['UPLOAD_MAX_MB', '--upload-max-mb', '10', 'Largest accepted document upload, in megabytes (1–100)'],
  [
    'MAX_HOURS_PER_DAY',
    '--max-hours-per-day',
    '12',
    'Most shift hours a volunteer may hold on one day (1–24)',
  ],
  ['MIN_REST_HOURS', '--min-rest-hours', '1', "Least rest between a volunteer's shifts, in hours (0–48)"],
  [
    'OFFER_HOURS',
    '--offer-hours',
    '12',
    'How long a freed place is held for the next waitlisted volunteer (1–168)',
  ],
  ['DATABASE_POOL_SIZE', '--database-pool-size', '10', 'PostgreSQL connections per instance (1–200)'],
  [
    'DATABASE_CONNECT_TIMEOUT_MS',
    '--database-connect-timeout-ms',
    '5000',
    'Longest wait to open a PostgreSQL connection or get a free one from the pool (then 503)',
  ],
  [
    'DATABASE_STATEMENT_TIMEOUT_MS',
    '--database-statement-timeout-ms',
    '15000',
    "PostgreSQL statement_timeout of the app's connections (0 = none; migrations and backups have none)",
  ],
  [
    'DATABASE_LOCK_TIMEOUT_MS',
    '--database-lock-timeout-ms',
    '5000',
    'PostgreSQL lock_timeout: longest wait for a locked row (0 = none); then 503 database_busy',
  ],
  [
    'DATABASE_QUERY_TIMEOUT_MS',
    '--database-query-timeout-ms',
    '20000',
    'Client-side wait for an answer from a hung PostgreSQL, then the connection is dropped (0 = none)',
  ],
  [
    'READY_TIMEOUT_MS',
    '--ready-timeout-ms',
    '2000',
    '/api/ready answers 503 (database "timeout") when the database does not answer within this',
  ],
  [
    'MAX_REQUESTS_IN_FLIGHT',
    '--max-requests-in-flight',
    '64',
    'API requests served at once per instance; more wait in a queue (health checks are exempt)',
  ],
  [
    'MAX_REQUESTS_QUEUED',
    '--max-requests-queued',
    '512',
    'API requests that may wait for a turn; beyond that, 503 overloaded at once',
  ],
  [
    'MAX_QUEUE_WAIT_MS',
    '--max-queue-wait-ms',
    '2000',
    'Longest wait for a turn before a request is answered 503 overloaded',
  ],
] as const;

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL: "${redact(raw)}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

/** Hides a password in a URL before it is printed. */
export function redact(value: string): string {
  return value.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: `false` (default), a hop count, or proxy addresses. `true` means ONE hop (the proxy right
 * in front), never "believe every X-Forwarded-For entry", which would let a client choose its address.
 */
export function trustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim().toLowerCase() ?? '';
  if (['', '0', 'false', 'no', 'off'].includes(value)) return false;
  if (['true', 'yes', 'on'].includes(value)) return 1;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError('TRUST_PROXY', `must count at most 10 proxy hops, got ${hops}`);
    return hops;
  }
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (PROXY_NAMES.has(entry)) continue;
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const prefixOk =
      prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!family || !prefixOk || extra !== undefined) {
      throw new ConfigError(
        'TRUST_PROXY',
        `must be false, a hop count or proxy addresses/CIDRs (e.g. 10.0.0.1,192.168.0.0/16), got "${entry}"`,
      );
    }
  }
  return entries;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST?.trim() || '0.0.0.0';
  if (!/^[\w.:-]+$/.test(host)) throw new ConfigError('HOST', `is not a host name or address: "${host}"`);
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const publicUrl = (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(
    /\/+$/,
    '',
  );
  const tile = env.MAP_TILE_URL?.trim() || null;
  if (tile && !/^https?:\/\/[^\s]+\{z\}[^\s]*\{x\}[^\s]*\{y\}/.test(tile)) {
    throw new ConfigError('MAP_TILE_URL', 'must be an http(s) URL template containing {z}, {x} and {y}');
  }
  const mailFrom = env.MAIL_FROM?.trim() || 'Dobroset <no-reply@localhost>';
  if (!mailFrom.includes('@')) throw new ConfigError('MAIL_FROM', 'must contain an email address');
  const dataDirRaw = env.DATA_DIR?.trim() || './data';
  return {
    port,
    host,
    dataDir: path.resolve(cwd, dataDirRaw),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom,
    publicUrl,
    demo: bool(env, 'DEMO', true),
    logLevel,
    mapTileUrl: tile,
    mapTileAttribution: env.MAP_TILE_ATTRIBUTION?.trim() || null,
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 720, 5, 60 * 24 * 30),
    sessionAbsoluteDays: int(env, 'SESSION_ABSOLUTE_DAYS', 30, 1, 365),
    trustProxy: trustProxy(env.TRUST_PROXY),
    uploadDir: path.resolve(cwd, env.UPLOAD_DIR?.trim() || path.join(dataDirRaw, 'uploads')),
    uploadMaxMb: int(env, 'UPLOAD_MAX_MB', 10, 1, 100),
    signupLimits: {
      maxHoursPerDay: int(env, 'MAX_HOURS_PER_DAY', 12, 1, 24),
      minRestHours: int(env, 'MIN_REST_HOURS', 1, 0, 48),
      offerHours: int(env, 'OFFER_HOURS', 12, 1, 168),
    },
    database: databaseSettings(env),
    readyTimeoutMs: int(env, 'READY_TIMEOUT_MS', 2_000, 100, 60_000),
    loadShedding: {
      maxInFlight: int(env, 'MAX_REQUESTS_IN_FLIGHT', 64, 1, 10_000),
      maxQueued: int(env, 'MAX_REQUESTS_QUEUED', 512, 0, 100_000),
      maxQueueWaitMs: int(env, 'MAX_QUEUE_WAIT_MS', 2_000, 0, 120_000),
    },
  };
}

function databaseSettings(env: Env): Config['database'] {
  const timeouts: DatabaseTimeouts = {
    connectMs: int(env, 'DATABASE_CONNECT_TIMEOUT_MS', DEFAULT_TIMEOUTS.connectMs, 100, 600_000),
    statementMs: int(env, 'DATABASE_STATEMENT_TIMEOUT_MS', DEFAULT_TIMEOUTS.statementMs, 0, 3_600_000),
    lockMs: int(env, 'DATABASE_LOCK_TIMEOUT_MS', DEFAULT_TIMEOUTS.lockMs, 0, 3_600_000),
    idleInTransactionMs: DEFAULT_TIMEOUTS.idleInTransactionMs,
    queryMs: int(env, 'DATABASE_QUERY_TIMEOUT_MS', DEFAULT_TIMEOUTS.queryMs, 0, 3_600_000),
  };
  if (timeouts.queryMs > 0 && (timeouts.statementMs === 0 || timeouts.queryMs <= timeouts.statementMs)) {
    throw new ConfigError(
      'DATABASE_QUERY_TIMEOUT_MS',
      'must be larger than DATABASE_STATEMENT_TIMEOUT_MS (and that one set), so the server cancels a slow statement before the client gives up on the connection',
    );
  }
  return { poolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1, 200), timeouts };
}
