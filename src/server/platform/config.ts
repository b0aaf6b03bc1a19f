/**
 * Configuration from environment variables (and CLI flags that override them), validated once at boot.
 * An invalid value stops the start with a message naming the variable.
 */
import path from 'node:path';

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
  trustProxy: boolean;
  uploadDir: string;
  uploadMaxMb: number;
  signupLimits: { maxHoursPerDay: number; minRestHours: number; offerHours: number };
};

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
    'SMTP server URL (smtp:// or smtps://); unset = mail goes to the outbox table and the log',
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
    'Trust X-Forwarded-* headers (set behind a reverse proxy / load balancer)',
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
    trustProxy: bool(env, 'TRUST_PROXY', false),
    uploadDir: path.resolve(cwd, env.UPLOAD_DIR?.trim() || path.join(dataDirRaw, 'uploads')),
    uploadMaxMb: int(env, 'UPLOAD_MAX_MB', 10, 1, 100),
    signupLimits: {
      maxHoursPerDay: int(env, 'MAX_HOURS_PER_DAY', 12, 1, 24),
      minRestHours: int(env, 'MIN_REST_HOURS', 1, 0, 48),
      offerHours: int(env, 'OFFER_HOURS', 12, 1, 168),
    },
  };
}
