import type { Locale } from '../../shared/limits';

const intlLocale = (lng: string): string => (lng === 'en' ? 'en-GB' : 'ru-RU');

/**
 * Times are shown in the region's time zone, not the browser's: a shift in Kemerovo starts at 10:00
 * for a coordinator in Moscow too. The server writes the zone into the page (`<meta
 * name="region-time-zone">`) so the first render is right; `/api/public/config` confirms it.
 */
let displayTimeZone: string | undefined = readPageTimeZone();

function readPageTimeZone(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const zone = document.querySelector('meta[name="region-time-zone"]')?.getAttribute('content');
  return zone && isTimeZone(zone) ? zone : undefined;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function setDisplayTimeZone(zone: string): void {
  if (isTimeZone(zone)) displayTimeZone = zone;
}

/** The zone times are shown and entered in (the browser's until the region's is known). */
export function getDisplayTimeZone(): string {
  return displayTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Whether the person is somewhere else than the region, so times need the zone written next to them. */
function browserElsewhere(at: Date): boolean {
  const zone = getDisplayTimeZone();
  const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone === browser) return false;
  const hm = (timeZone: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
  return hm(zone) !== hm(browser);
}

export function formatNumber(value: number, lng: string): string {
  return new Intl.NumberFormat(intlLocale(lng)).format(value);
}

export function formatPercent(share: number, lng: string): string {
  return new Intl.NumberFormat(intlLocale(lng), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Date and time of an instant in the region's zone (with the zone's name when the browser is elsewhere). */
export function formatDateTime(iso: string, lng: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const timeZone = getDisplayTimeZone();
  const text = new Intl.DateTimeFormat(intlLocale(lng), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(date);
  return browserElsewhere(date) ? `${text} (${zoneLabel(date, lng)})` : text;
}

/** Hours as people read them: two decimals at most, the locale's decimal mark ("0,05" in Russian). */
export function formatHours(hours: number, lng: string): string {
  return new Intl.NumberFormat(intlLocale(lng), { maximumFractionDigits: 2 }).format(hours);
}

/** Just the time of an instant in the region's zone, e.g. the end of a shift. */
export function formatTime(iso: string, lng: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lng), {
    timeStyle: 'short',
    timeZone: getDisplayTimeZone(),
  }).format(date);
}

function zoneLabel(at: Date, lng: string): string {
  const parts = new Intl.DateTimeFormat(intlLocale(lng), {
    timeZone: getDisplayTimeZone(),
    timeZoneName: 'shortOffset',
  }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? getDisplayTimeZone();
}

/** A calendar date (`YYYY-MM-DD`) as it is, or the region's date of an instant. */
export function formatDate(iso: string, lng: string): string {
  const dateOnly = iso.length === 10;
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lng), {
    dateStyle: 'long',
    timeZone: dateOnly ? 'UTC' : getDisplayTimeZone(),
  }).format(date);
}

/** Picks the Russian or English name of a municipality, region, etc. */
export function localName(item: { nameRu: string; nameEn: string }, lng: string): string {
  return (lng as Locale) === 'en' && item.nameEn ? item.nameEn : item.nameRu;
}
