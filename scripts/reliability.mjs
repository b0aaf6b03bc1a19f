// The reliability suite: builds the app if needed, runs the fault scenarios (test/reliability) against
// real server processes, prints one table and exits non-zero if any write was lost, duplicated or
// overbooked, a process crashed, or a check failed.
// Usage: npm run test:reliability [-- --bounded]   (or RELIABILITY_MODE=bounded: the short CI run)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, root } from './build-lib.mjs';

const bounded = process.argv.includes('--bounded') || process.env.RELIABILITY_MODE === 'bounded';
const passThrough = process.argv.slice(2).filter((a) => a !== '--bounded');
if (!process.env.RELIABILITY_SERVER_ENTRY) ensureBuilt();

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-reliability-report-'));
const report = path.join(reportDir, 'report.json');
const result = spawnSync(
  path.join(root, 'node_modules', '.bin', 'vitest'),
  ['run', '-c', 'test/reliability/vitest.config.ts', ...passThrough],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, RELIABILITY_MODE: bounded ? 'bounded' : 'full', RELIABILITY_REPORT: report },
  },
);

let rows = [];
let mode = bounded ? 'bounded' : 'full';
if (fs.existsSync(report)) ({ rows, mode } = JSON.parse(fs.readFileSync(report, 'utf8')));
fs.rmSync(reportDir, { recursive: true, force: true });

const columns = [
  ['scenario', (r) => r.scenario],
  ['load', (r) => r.load],
  ['faults', (r) => r.faults],
  ['acknowledged', (r) => r.acknowledged],
  ['found', (r) => r.found],
  ['lost', (r) => r.lost],
  ['duplicated', (r) => r.duplicated],
  ['overbooked', (r) => r.overbooked],
  ['5xx', (r) => (r.internal ? `${r.fiveXx} (${r.internal}×500)` : r.fiveXx)],
  ['mail', (r) => `${r.mail}${r.mailDuplicated ? `, ${r.mailDuplicated} twice` : ''}`],
  ['crash', (r) => (r.crashed.length ? 'YES' : 'no')],
];
const cells = rows.map((r) => columns.map(([, get]) => String(get(r))));
const widths = columns.map(([title], i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
const line = (values) => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
const out = [
  '',
  `Reliability (${mode} run)`,
  line(columns.map(([title]) => title)),
  line(widths.map((w) => '-'.repeat(w))),
  ...cells.map(line),
  '',
  ...rows.flatMap((r) => [`${r.scenario}: ${r.notes.join('; ')}`, ...r.crashed.map((c) => `  crash: ${c}`)]),
  '',
];
process.stdout.write(out.join('\n'));

const unsound = rows.some((r) => r.lost || r.duplicated || r.overbooked || r.crashed.length || r.internal);
if (rows.length === 0) process.stdout.write('No scenario finished.\n');
process.exit(result.status !== 0 || unsound || rows.length === 0 ? 1 : 0);
