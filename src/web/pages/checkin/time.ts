import { getDisplayTimeZone } from '../../components/format';

/** Times on the check-in pages: "14:05" in the reader's language and the region's time zone. */
const intlLocale = (lng: string) => (lng === 'en' ? 'en-GB' : 'ru-RU');

export const formatTime = (iso: string, lng: string) =>
  new Intl.DateTimeFormat(intlLocale(lng), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: getDisplayTimeZone(),
  }).format(new Date(iso));

export const formatHours = (hours: number, lng: string) =>
  new Intl.NumberFormat(intlLocale(lng), { maximumFractionDigits: 2 }).format(hours);
