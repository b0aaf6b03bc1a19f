// The signup bursts of `npm run bench`: N signups sent at once (each by its own volunteer, with its own
// session), answered by the app; the same N replayed at once through the bare baseline (the recorded SQL
// of one signup, each with its burst's volunteer and shift, in `begin … rollback`); and what the
// database holds afterwards (exactly the capacity confirmed, the rest waitlisted, every 201 stored).
import { sql } from 'kysely';
import { pct } from './load.mjs';

const CSRF = { 'x-requested-with': 'dobroset' };

/** Sends all at once; returns each answer (status, code, ms) and the seconds until the last one. */
async function allAtOnce(count, send) {
  const t0 = performance.now();
  const answers = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const s = performance.now();
      try {
        const res = await send(i);
        const body = await res.json().catch(() => ({}));
        return { status: res.status, code: body.code ?? body.signup?.status, ms: performance.now() - s };
      } catch (error) {
        return { status: 0, code: String(error.cause?.code ?? error.message), ms: performance.now() - s };
      }
    }),
  );
  return { answers, seconds: (performance.now() - t0) / 1000 };
}

/** The burst against the app. */
export const runBurst = (baseUrl, burst) =>
  allAtOnce(burst.cookies.length, (i) =>
    fetch(`${baseUrl}/api/shifts/${burst.shiftFor(i)}/signups`, {
      method: 'POST',
      headers: { cookie: burst.cookies[i], ...CSRF, 'content-type': 'application/json' },
      body: '{}',
    }),
  );

/** The same burst through the baseline: the recorded signup (`planName`) for each volunteer and shift. */
export async function runBurstBaseline(baselineUrl, burst, planName) {
  const { answers, seconds } = await allAtOnce(burst.userIds.length, (i) =>
    fetch(
      `${baselineUrl}/baseline/${encodeURIComponent(planName)}?${new URLSearchParams({
        user: burst.userIds[i],
        shift: burst.baselineShiftFor(i),
      })}`,
    ),
  );
  const ok = answers.filter((a) => a.status === 200).length;
  const statuses = {};
  for (const a of answers) {
    const key = `${a.status} ${a.code ?? ''}`.trim();
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  const ms = answers.map((a) => a.ms).sort((x, y) => x - y);
  return { reqPerSec: ok / seconds, seconds, ok, statuses, p50: pct(ms, 50) };
}

/** A row per burst, from the answers and a count in the database (`db`, a connection of the runner's). */
export async function burstRows(db, results) {
  const rows = [];
  for (const { burst, answers, seconds, baseline } of results) {
    const held = (
      await sql`select status, count(*)::int as n from signups where shift_id = any(${sql.val(burst.shiftIds)}::uuid[])
        group by status`.execute(db)
    ).rows;
    const inDb = Object.fromEntries(held.map((r) => [r.status, Number(r.n)]));
    const ms = answers.map((a) => a.ms).sort((x, y) => x - y);
    const byStatus = {};
    for (const a of answers) byStatus[`${a.status} ${a.code}`] = (byStatus[`${a.status} ${a.code}`] ?? 0) + 1;
    const created = answers.filter((a) => a.status === 201).length;
    const answered = answers.filter((a) => a.status > 0).length;
    const stored = Object.values(inDb).reduce((n, v) => n + v, 0);
    const reqPerSec = answered / seconds;
    rows.push({
      name: burst.name,
      connections: answers.length,
      p50: pct(ms, 50),
      p95: pct(ms, 95),
      p99: pct(ms, 99),
      // signups per second: HTTP answers over the time until the last one
      reqPerSec,
      baselineReqPerSec: baseline?.reqPerSec ?? null,
      ratio: baseline ? reqPerSec / baseline.reqPerSec : null,
      baselineP50: baseline?.p50 ?? null,
      baselineAnswered: baseline ? `${baseline.ok}/${answers.length}` : null,
      ...(baseline && baseline.ok < answers.length ? { baselineStatuses: baseline.statuses } : {}),
      baselineInTransaction: baseline ? true : null,
      seconds: Number(seconds.toFixed(2)),
      answers: byStatus,
      inDatabase: inDb,
      expected: burst.expect,
      allAnswered: created === answers.length,
      // exactly the capacity confirmed, the rest waitlisted, and every 201 in the database
      exact:
        (inDb.confirmed ?? 0) === burst.expect.confirmed &&
        (inDb.waitlisted ?? 0) === stored - burst.expect.confirmed &&
        stored === created,
    });
  }
  return rows;
}
