import type { Locale } from '../../shared/limits';

const intlLocale = (lng: string): string => (lng === 'en' ? 'en-GB' : 'ru-RU');

export function formatNumber(value: number, lng: string): string {
  return new Intl.NumberFormat(intlLocale(lng)).format(value);
}

export function formatPercent(share: number, lng: string): string {
  return new Intl.NumberFormat(intlLocale(lng), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function formatDateTime(iso: string, lng: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string, lng: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: 'long' }).format(date);
}

/** Picks the Russian or English name of a municipality, region, etc. */
export function localName(item: { nameRu: string; nameEn: string }, lng: string): string {
  return (lng as Locale) === 'en' && item.nameEn ? item.nameEn : item.nameRu;
}
