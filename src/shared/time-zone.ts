/**
 * Wall-clock time in a named IANA time zone (the region's), independent of the browser's or server's own
 * zone: a coordinator in Moscow plans a Kemerovo shift in Kemerovo time. Uses only `Intl`.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The zone's clock at `at` as numbers (month 1–12), read from `Intl` (slow: microseconds a call). */
function wallExact(at: Date, timeZone: string): Wall {
  const n: Record<string, number> = {};
  for (const x of partsFormatter(timeZone).formatToParts(at))
    if (x.type !== 'literal') n[x.type] = Number(x.value);
  const get = (k: string) => n[k] ?? 0;
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Milliseconds since the epoch of a wall clock read as UTC (any year, unlike Date.UTC below 100). */
function utcOf(w: Wall): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}

/** How far (ms, whole seconds) the zone's clock is ahead of UTC at the instant `t` (ms). */
const exactOffset = (t: number, timeZone: string) =>
  utcOf(wallExact(new Date(t), timeZone)) - Math.floor(t / 1000) * 1000;

const HOUR = 3_600_000;
/**
 * Per zone, the offset of each UTC hour asked about, or NaN when it changes inside that hour. Offsets
 * change a few times a century, so an export or a dashboard that formats thousands of instants asks `Intl`
 * twice per hour they fall in instead of once per instant.
 */
const offsets = new Map<string, Map<number, number>>();

/** The zone's clock at `at` as numbers (month 1–12). */
function wall(at: Date, timeZone: string): Wall {
  const t = at.getTime();
  if (!Number.isFinite(t)) return wallExact(at, timeZone);
  const hour = Math.floor(t / HOUR);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let offset = zone.get(hour);
  if (offset === undefined) {
    const first = exactOffset(hour * HOUR, timeZone);
    offset = first === exactOffset(hour * HOUR + HOUR - 1000, timeZone) ? first : Number.NaN;
    if (zone.size >= 50_000) zone.clear();
    zone.set(hour, offset);
  }
  if (Number.isNaN(offset)) return wallExact(at, timeZone);
  const d = new Date(Math.floor(t / 1000) * 1000 + offset);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad = (v: number, width = 2) => String(v).padStart(width, '0');

/** The zone's wall clock at `at`: `{ date: 'YYYY-MM-DD', time: 'HH:MM' }`. */
export function zonedParts(at: Date, timeZone: string): { date: string; time: string } {
  const w = wall(at, timeZone);
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** Minutes the zone is ahead of UTC at `at`. */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  return Math.round((utcOf(wall(at, timeZone)) - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant when the zone's clock shows `date` `time` (`YYYY-MM-DD`, `HH:MM`). In a transition gap the
 * later offset wins; in an overlap the earlier instant. Throws on malformed input.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) throw new RangeError(`Not a local date and time: ${date} ${time}`);
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  // a second pass settles the offset when the first guess fell on the other side of a transition
  guess = wall - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** The zone's calendar date at `at` (`YYYY-MM-DD`): "today" in the region. */
export function localDay(at: Date, timeZone: string): string {
  return zonedParts(at, timeZone).date;
}

/** `date` (`YYYY-MM-DD`) plus `days` calendar days: date arithmetic only, no time zone involved. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
