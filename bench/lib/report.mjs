// The rows of `npm run bench`: issue 11's targets, each measured row completed (rounded, its target and
// whether it is met, the run's database and scale) and logged, and the table printed at the end.
import os from 'node:os';

// Targets of issue 11 (stated for PostgreSQL, region scale, 50 connections).
export const TARGETS = {
  search: { text: 'p95 ≤ 25 ms, ≥ 60 % of baseline req/s', met: (r) => r.p95 <= 25 && r.ratio >= 0.6 },
  summary: { text: 'p95 ≤ 15 ms', met: (r) => r.p95 <= 15 },
  coordinator: { text: 'p95 ≤ 30 ms', met: (r) => r.p95 <= 30 },
  dashboard: { text: 'p95 ≤ 100 ms', met: (r) => r.p95 <= 100 },
  burst: {
    text: '≥ 500 signups/s, exactly the capacity confirmed',
    met: (r) => r.reqPerSec >= 500 && r.exact && r.allAnswered,
  },
  export: {
    text: '≥ 100,000 rows/s, RSS growth < 100 MB',
    met: (r) => r.rowsPerSec >= 100_000 && r.rssGrowthMb < 100,
  },
};

export const machine = () => ({
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
  loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
  node: process.version,
  date: new Date().toISOString(),
});

/** Collects the rows of one run (`database`, `scale`, the run's `connections`); `log` prints each. */
export function createReport({ database, scale, connections, log }) {
  const rows = [];
  function addRow(row, group) {
    const target = group ? TARGETS[group] : null;
    const full = {
      name: row.name,
      database,
      scale,
      connections: row.connections ?? connections,
      p50: round(row.p50),
      p95: round(row.p95),
      p99: round(row.p99),
      reqPerSec: round(row.reqPerSec, 0),
      baselineReqPerSec: row.baselineReqPerSec === undefined ? null : round(row.baselineReqPerSec, 0),
      ratio: row.ratio === undefined || row.ratio === null ? null : round(row.ratio, 2),
      target: target?.text ?? null,
      met: null,
      ...Object.fromEntries(
        Object.entries(row).filter(
          ([k]) => !['name', 'p50', 'p95', 'p99', 'reqPerSec', 'baselineReqPerSec', 'ratio'].includes(k),
        ),
      ),
    };
    // a run without a single answer meets nothing
    if (target) full.met = full.p50 !== null && Boolean(target.met(full));
    // the targets are stated for PostgreSQL at region scale with 50 connections
    full.targetConfig = database === 'postgres' && scale === 'region' && full.connections === 50;
    rows.push(full);
    log(
      `  ${full.name}: p50 ${fmt(full.p50)} p95 ${fmt(full.p95)} p99 ${fmt(full.p99)} ms, ${fmt(full.reqPerSec, 0)} req/s` +
        (full.baselineReqPerSec !== null
          ? ` (baseline ${fmt(full.baselineReqPerSec, 0)}, ×${fmt(full.ratio, 2)})`
          : '') +
        (full.statuses ? ` ${JSON.stringify(full.statuses)}` : ''),
    );
    return full;
  }
  return { rows, addRow };
}

export function round(x, digits = 1) {
  return x === null || x === undefined || Number.isNaN(x) ? null : Number(x.toFixed(digits));
}
export function fmt(x, digits = 1) {
  return x === null || x === undefined ? '—' : x.toFixed(digits);
}

export function printTable(list) {
  const header = [
    'name',
    'db',
    'scale',
    'p50',
    'p95',
    'p99',
    'p95@1',
    'req/s',
    'base req/s',
    'ratio',
    'target',
    'met',
  ];
  const body = list.map((r) => [
    r.name,
    r.database,
    r.scale,
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    fmt(r.serialP95),
    r.rowsPerSec !== undefined && r.rowsPerSec !== null
      ? `${fmt(r.rowsPerSec, 0)} rows/s`
      : fmt(r.reqPerSec, 0),
    fmt(r.baselineReqPerSec, 0),
    fmt(r.ratio, 2),
    r.target ?? '',
    r.met === null ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i === 0 || i >= 10 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
      .join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
