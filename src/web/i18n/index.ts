import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/limits';
import type { Feature } from '../app/feature';
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

/** Adds the features' catalogues (app/features.ts), each under its own top-level key; main.tsx calls it. */
export function addFeatureMessages(features: readonly Feature[]): void {
  for (const { messages } of features)
    for (const lng of LOCALES)
      if (messages) i18n.addResourceBundle(lng, 'translation', messages[lng], true, false);
}

/** The current UI language, always one of LOCALES. */
export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LOCALE;
}

export function setLocale(locale: Locale): Promise<unknown> {
  return i18n.changeLanguage(locale);
}

export default i18n;
