/**
 * Every route the app registers, as `METHOD /path`, read from Fastify's route tree (so file downloads,
 * uploads and documentation pages outside the endpoint table count too). HEAD routes Fastify adds for
 * each GET are left out; a HEAD route of its own would be listed.
 */
import type { FastifyInstance } from 'fastify';
import { accountRows } from './rows/accounts.js';
import { applicationRows } from './rows/applications.js';
import { monitoringRows } from './rows/monitoring.js';
import { networkRows } from './rows/network.js';
import { opportunityRows } from './rows/opportunities.js';
import { signupRows } from './rows/signups.js';
import { volunteerRows } from './rows/volunteers.js';

/** The matrix: one row per route. A new route needs a row here (the test fails until it has one). */
export const ROWS = [
  ...accountRows,
  ...networkRows,
  ...applicationRows,
  ...monitoringRows,
  ...opportunityRows,
  ...signupRows,
  ...volunteerRows,
];

/**
 * Parses `printRoutes({ commonPrefix: false })`: each line is a tree branch ("├── ", "└── ") indented in
 * steps of four characters, then the path segment and the methods in parentheses.
 */
export function registeredRoutes(app: FastifyInstance): string[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes = new Set<string>();
  for (const line of tree.split('\n')) {
    const branch = /[├└]── /.exec(line);
    if (!branch) continue;
    const depth = branch.index / 4;
    const rest = line.slice(branch.index + 4);
    const match = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(rest);
    if (!match) throw new Error(`unexpected route tree line: ${line}`);
    stack.length = depth;
    stack.push(match[1] as string);
    const path = stack.join('');
    const methods = (match[2] ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean);
    for (const method of methods) {
      if (method === 'HEAD' && methods.includes('GET')) continue;
      routes.add(`${method} ${path}`);
    }
  }
  return [...routes].sort();
}
