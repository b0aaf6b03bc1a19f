import { formatDate } from '../../components/format';

const intlLocale = (lng: string) => (lng === 'en' ? 'en-GB' : 'ru-RU');

/** 'YYYY-MM' as a short month and year, e.g. «янв. 2025». */
export function formatMonth(month: string, lng: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return new Intl.DateTimeFormat(intlLocale(lng), {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A rate with at most two decimals, e.g. 0,17. */
export function formatRate(value: number, lng: string): string {
  return new Intl.NumberFormat(intlLocale(lng), { maximumFractionDigits: 2 }).format(value);
}

export const formatDay = (day: string, lng: string) => formatDate(day, lng);
