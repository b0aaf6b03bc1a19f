import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/limits';
import { readStored, writeStored } from '../app/storage';
import { catalogues } from './resources';

const STORAGE_KEY = 'dobroset.lang';
export const DEFAULT_LOCALE: Locale = 'ru';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function initialLocale(): Locale {
  const stored = readStored(STORAGE_KEY);
  return isLocale(stored) ? stored : DEFAULT_LOCALE;
}

function reflect(lng: string): void {
  document.documentElement.lang = lng;
}

const lng = initialLocale();
reflect(lng);

void i18n.use(initReactI18next).init({
  resources: { ru: { translation: catalogues.ru }, en: { translation: catalogues.en } },
  lng,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (next) => {
  reflect(next);
  writeStored(STORAGE_KEY, next);
});

/** The current UI language, always one of LOCALES. */
export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LOCALE;
}

export function setLocale(locale: Locale): Promise<unknown> {
  return i18n.changeLanguage(locale);
}

export default i18n;
