/**
 * The message catalogues. The core messages live in ru.json / en.json; each feature keeps its own pair in
 * features/<name>.<lang>.json under its own top-level key, so features can grow without editing one file.
 */
import en from './en.json';
import applicationsEn from './features/applications.en.json';
import applicationsRu from './features/applications.ru.json';
import checkinEn from './features/checkin.en.json';
import checkinRu from './features/checkin.ru.json';
import mapEn from './features/map.en.json';
import mapRu from './features/map.ru.json';
import monitoringEn from './features/monitoring.en.json';
import monitoringRu from './features/monitoring.ru.json';
import operatorEn from './features/operator.en.json';
import operatorRu from './features/operator.ru.json';
import opportunitiesEn from './features/opportunities.en.json';
import opportunitiesRu from './features/opportunities.ru.json';
import planEn from './features/plan.en.json';
import planRu from './features/plan.ru.json';
import scheduleEn from './features/schedule.en.json';
import scheduleRu from './features/schedule.ru.json';
import signupsEn from './features/signups.en.json';
import signupsRu from './features/signups.ru.json';
import volunteersEn from './features/volunteers.en.json';
import volunteersRu from './features/volunteers.ru.json';
import ru from './ru.json';

export const catalogues = {
  ru: {
    ...ru,
    applications: applicationsRu,
    monitoring: monitoringRu,
    plan: planRu,
    map: mapRu,
    operator: operatorRu,
    volunteers: volunteersRu,
    opportunities: opportunitiesRu,
    signups: signupsRu,
    checkin: checkinRu,
    schedule: scheduleRu,
  },
  en: {
    ...en,
    applications: applicationsEn,
    monitoring: monitoringEn,
    plan: planEn,
    map: mapEn,
    operator: operatorEn,
    volunteers: volunteersEn,
    opportunities: opportunitiesEn,
    signups: signupsEn,
    checkin: checkinEn,
    schedule: scheduleEn,
  },
};
/**
 * Messages loaded on demand with the code that uses them, mounted under their own key: `checks` (field
 * messages of the contract checker, src/web/forms/contractErrors.ts, from lazy/checks.<lang>.json). Only
 * their type is here, so the public entry does not carry them.
 */
type Lazy = { checks: typeof import('./lazy/checks.ru.json') };

export type Catalogue = (typeof catalogues)['ru'] & Lazy;
