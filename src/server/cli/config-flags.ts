/** CLI flags mirror the environment variables; a flag wins over the variable. */
import { type Command, Option } from 'commander';
import { CONFIG_VARIABLES, type Config, loadConfig } from '../platform/config.js';

const DATABASE_ONLY = new Set(['DATA_DIR', 'DATABASE_URL', 'UPLOAD_DIR', 'LOG_LEVEL']);

export function withConfigFlags(command: Command, which: 'all' | 'database' = 'all'): Command {
  for (const [variable, flag, defaultValue, meaning] of CONFIG_VARIABLES) {
    if (which === 'database' && !DATABASE_ONLY.has(variable)) continue;
    if (variable === 'DEMO') {
      command.option('--demo', `${meaning} (env DEMO, default ${defaultValue})`);
      command.option('--no-demo', 'Do not generate demo data');
      continue;
    }
    command.addOption(new Option(`${flag} <value>`, `${meaning} (env ${variable}, default ${defaultValue})`));
  }
  return command;
}

const camel = (flag: string) =>
  flag.replace(/^--/, '').replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Merges flags into the environment and validates the whole configuration. */
export function configFrom(options: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): Config {
  const merged: Record<string, string | undefined> = { ...env };
  for (const [variable, flag] of CONFIG_VARIABLES) {
    if (variable === 'DEMO') {
      if (options.demo !== undefined) merged.DEMO = String(options.demo);
      continue;
    }
    const value = options[camel(flag)];
    if (typeof value === 'string') merged[variable] = value;
  }
  return loadConfig(merged);
}
