// Lighthouse (mobile preset, simulated throttling) on the public pages: the home page, the opportunity
// search, one centre's page and the centres map, with the JavaScript each page downloads — as sent (the
// network-requests audit's transferSize) and gzipped (each script's body fetched again and gzipped at level 9,
// what the page would cost with compression on). Targets (phone-first issue): performance ≥ 90,
// accessibility 100, public JS ≤ 150 kB gzipped.
// Usage: node bench/lighthouse.mjs [--runs N] [--timeout SECONDS]
//   Builds first if needed and starts the real server on a free local port with a temporary data directory
//   and demo data, or measures BASE_URL when set. Chromium: CHROME_PATH (or CHROMIUM_PATH), default
//   /usr/bin/chromium. Prints a table and writes bench/results/lighthouse.json; with --runs N every number
//   is the median of N runs. `runLighthouse({ baseUrl })` returns the rows for the bench runner.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ensureBuilt, root } from '../scripts/build-lib.mjs';
import { stopChild, untilAnswers } from './lib/proc.mjs';
import { freePort, startArgs } from './lib/server.mjs';
import { median } from './lib/util.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const CHROME_FLAGS = ['--headless=new', '--no-sandbox'];
const SERVER_START_MS = 120_000;

const chromePath = () => process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The built app on a fresh data directory (demo data on), on a free port. `onSpawned` gets `stop()` (ends
 * it by pid, removes the data directory) as soon as the process exists, so an abort while it starts ends it.
 */
async function startServer(onSpawned) {
  ensureBuilt();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-lighthouse-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, startArgs({ dataDir, port, publicUrl: baseUrl, demo: true }), {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const stop = async () => {
    await stopChild(child, 10_000);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  onSpawned(stop);
  const up = await untilAnswers(`${baseUrl}/api/health`, {
    child,
    timeoutMs: SERVER_START_MS,
    intervalMs: 100,
  });
  if (up !== 'ok') {
    await stop();
    if (up === 'exited') throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    throw new Error(`server not up after ${SERVER_START_MS} ms: ${stderr}`);
  }
  return { baseUrl, pid: child.pid };
}

/** The public pages, with a real active centre from the public centres list. */
async function publicPages(baseUrl) {
  const res = await fetch(`${baseUrl}/api/public/centers`);
  if (!res.ok) throw new Error(`GET /api/public/centers: ${res.status}`);
  const center = (await res.json()).items?.[0];
  if (!center) throw new Error('no active centre in /api/public/centers (demo data missing?)');
  return [
    { name: 'home', page: '/' },
    { name: 'opportunity search', page: '/opportunities' },
    { name: 'centre page', page: `/centers/${center.id}` },
    { name: 'map (centres)', page: '/centers' },
  ];
}

/** gzip -9 size of each script body, fetched once per URL. */
function gzipSizer() {
  const cache = new Map();
  return (url) => {
    if (!cache.has(url)) {
      cache.set(
        url,
        fetch(url).then(async (res) => {
          if (!res.ok) {
            throw new Error(
              `GET ${url}: ${res.status} (a script the page loaded is gone: was dist/web rebuilt during the run?)`,
            );
          }
          const body = Buffer.from(await res.arrayBuffer());
          return { bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
        }),
      );
    }
    return cache.get(url);
  };
}

const isScript = (item) =>
  item.resourceType === 'Script' || /javascript|ecmascript/i.test(item.mimeType ?? '');

async function measure(lhr, gzipOf) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? null;
  const score = (id) => {
    const s = lhr.categories[id]?.score;
    return s === null || s === undefined ? null : Math.round(s * 100);
  };
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const scripts = requests.filter((r) => isScript(r) && !r.url.startsWith('data:'));
  const sizes = await Promise.all(scripts.map((s) => gzipOf(s.url)));
  const failing = (category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
      .map((ref) => ref.id);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    jsBytes: scripts.reduce((sum, s) => sum + (s.transferSize ?? 0), 0),
    jsGzipBytes: sizes.reduce((sum, s) => sum + s.gzipBytes, 0),
    jsRequests: scripts.length,
    scripts: scripts.map((s, i) => ({
      url: new URL(s.url).pathname,
      transferSize: s.transferSize ?? 0,
      resourceSize: s.resourceSize ?? 0,
      gzipBytes: sizes[i].gzipBytes,
    })),
    failing: {
      performance: failing('performance'),
      accessibility: failing('accessibility'),
      bestPractices: failing('best-practices'),
    },
    failed: Boolean(lhr.runtimeError),
    lcpElement: lcpElement(lhr),
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    warnings: [...(lhr.runWarnings ?? []), ...(lhr.runtimeError ? [lhr.runtimeError.message] : [])],
  };
}

/** The LCP element's selector and markup (from the largest-contentful-paint-element audit), if any. */
function lcpElement(lhr) {
  const tables = lhr.audits['largest-contentful-paint-element']?.details?.items ?? [];
  for (const table of tables) {
    const node = table.items?.find((i) => i.node)?.node;
    if (node) return { selector: node.selector, snippet: node.snippet };
  }
  return null;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Lighthouse on the public pages of `baseUrl` (or of a server started here when it is not given).
 * Returns one row per page (medians over `runs`); `onDetails` receives every run, with each script.
 */
export async function runLighthouse({
  baseUrl,
  runs = 1,
  timeoutMs = (180 + 150 * 4 * runs) * 1000,
  onDetails,
  log = (line) => process.stderr.write(`${line}\n`),
} = {}) {
  const resources = { stopServer: null, chrome: null, stopped: false };
  const cleanup = async () => {
    resources.stopped = true;
    const { chrome, stopServer } = resources;
    resources.chrome = null;
    resources.stopServer = null;
    if (chrome) {
      try {
        chrome.kill();
      } catch {
        try {
          process.kill(chrome.pid, 'SIGKILL');
        } catch {}
      }
    }
    if (stopServer) await stopServer();
  };
  // Signals end what was started here before the process goes.
  const onSignal = (signal) => {
    cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const work = async () => {
    const given = baseUrl ?? process.env.BASE_URL;
    if (given) {
      baseUrl = given.replace(/\/$/, '');
    } else {
      log('lighthouse: starting the server (demo data)…');
      const server = await startServer((stop) => {
        if (resources.stopped) stop();
        else resources.stopServer = stop;
      });
      if (resources.stopped) throw new Error('stopped');
      baseUrl = server.baseUrl;
    }
    const pages = await publicPages(baseUrl);
    const executable = chromePath();
    if (!fs.existsSync(executable)) {
      throw new Error(`Chromium not found at ${executable} (apt-get install chromium, or set CHROME_PATH)`);
    }
    const chrome = await chromeLauncher.launch({
      chromePath: executable,
      chromeFlags: CHROME_FLAGS,
      handleSIGINT: false,
      logLevel: 'silent',
    });
    if (resources.stopped) {
      chrome.kill();
      throw new Error('stopped');
    }
    resources.chrome = chrome;
    const gzipOf = gzipSizer();
    const perPage = [];
    let lighthouseVersion = null;
    for (const p of pages) {
      const measured = [];
      // A run Lighthouse itself reports as failed (runtimeError, e.g. NO_NAVSTART) is tried once more and
      // left out of the medians.
      for (let run = 0, retried = 0; run < runs; run++) {
        if (resources.stopped) throw new Error('stopped');
        log(`lighthouse: ${p.name} ${p.page} (run ${run + 1}/${runs})`);
        const result = await lighthouse(`${baseUrl}${p.page}`, {
          port: resources.chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: CATEGORIES,
          formFactor: 'mobile',
          throttlingMethod: 'simulate',
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${p.page}`);
        lighthouseVersion = result.lhr.lighthouseVersion;
        const m = await measure(result.lhr, gzipOf);
        for (const w of m.warnings) log(`  warning (${p.page}): ${w}`);
        measured.push(m);
        if (m.failed && retried < runs) {
          retried++;
          run--;
        }
      }
      perPage.push({ ...p, measured });
    }
    const rows = perPage.map(({ name, page, measured }) => {
      const ok = measured.filter((m) => !m.failed);
      const med = (key) => median(ok.map((m) => m[key]));
      return {
        name,
        page,
        performance: med('performance'),
        accessibility: med('accessibility'),
        bestPractices: med('bestPractices'),
        lcpMs: med('lcpMs'),
        tbtMs: med('tbtMs'),
        cls: med('cls'),
        jsBytes: med('jsBytes'),
        jsGzipBytes: med('jsGzipBytes'),
        jsRequests: med('jsRequests'),
      };
    });
    onDetails?.({ baseUrl, runs, lighthouseVersion, pages: perPage });
    return rows;
  };

  try {
    return await withTimeout(work(), timeoutMs, 'lighthouse bench');
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanup();
  }
}

const kB = (bytes) => (bytes === null ? '—' : (bytes / 1000).toFixed(1));
const fmt = (x, digits = 0) => (x === null || x === undefined ? '—' : x.toFixed(digits));

export function formatTable(rows) {
  const header = [
    'page',
    'perf',
    'a11y',
    'best',
    'LCP ms',
    'TBT ms',
    'CLS',
    'JS kB sent',
    'JS kB gz',
    'JS files',
  ];
  const body = rows.map((r) => [
    `${r.name} ${r.page.length > 24 ? `${r.page.slice(0, 21)}…` : r.page}`,
    fmt(r.performance),
    fmt(r.accessibility),
    fmt(r.bestPractices),
    fmt(r.lcpMs),
    fmt(r.tbtMs),
    fmt(r.cls, 3),
    kB(r.jsBytes),
    kB(r.jsGzipBytes),
    fmt(r.jsRequests),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const runs = Number(option('--runs') ?? 1);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  const timeoutSeconds = option('--timeout');
  let details = null;
  const started = Date.now();
  const rows = await runLighthouse({
    runs,
    ...(timeoutSeconds ? { timeoutMs: Number(timeoutSeconds) * 1000 } : {}),
    onDetails: (d) => {
      details = d;
    },
  });
  console.log(
    `Lighthouse ${details.lighthouseVersion}, mobile preset (simulated throttling), Node ${process.version}, ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model}; ${runs === 1 ? '1 run' : `median of ${runs} runs`} per page` +
      `${process.env.BASE_URL ? ` on ${details.baseUrl}` : ''}`,
  );
  const benchmark = median(details.pages.flatMap((p) => p.measured.map((m) => m.benchmarkIndex)));
  console.log(`Lighthouse CPU benchmark index on this machine: ${fmt(benchmark)} (under load it drops)`);
  console.log(formatTable(rows));
  console.log('targets: performance ≥ 90, accessibility 100, public JS ≤ 150 kB gzipped');
  for (const p of details.pages) {
    const last = p.measured.findLast((m) => !m.failed) ?? p.measured.at(-1);
    const failing = Object.entries(last.failing)
      .filter(([, ids]) => ids.length)
      .map(([category, ids]) => `${category}: ${ids.join(', ')}`);
    if (failing.length) console.log(`${p.name}: audits below full score — ${failing.join('; ')}`);
  }
  const out = path.join(root, 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    path.join(out, 'lighthouse.json'),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        lighthouseVersion: details.lighthouseVersion,
        node: process.version,
        cpus: `${os.cpus().length} × ${os.cpus()[0]?.model}`,
        preset: 'mobile, simulated throttling',
        runs,
        seconds: Math.round((Date.now() - started) / 1000),
        rows,
        pages: details.pages.map((p) => ({
          name: p.name,
          page: p.page,
          runs: p.measured.map(({ scripts, ...m }) => m),
          scripts: (p.measured.findLast((m) => !m.failed) ?? p.measured.at(-1)).scripts,
        })),
      },
      null,
      2,
    )}\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
