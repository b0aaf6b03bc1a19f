/**
 * The message catalogues. The core messages live in ru.json / en.json; each feature (app/features.ts) brings
 * its own catalogues under their own top-level keys (features/<key>.<lang>.json), added by `addFeatureMessages`
 * (i18n/index.ts) before the first render, so features can grow without editing one file. Only the features'
 * types are imported here: their routes load pages that use i18n, so a value import would be a cycle.
 */
import type { features } from '../app/features';
import en from './en.json';
import ru from './ru.json';

export const catalogues = { ru, en };

/** One language's catalogues of all features together: the intersection of their types. */
type FeatureMessages<F = (typeof features)[number]> = (
  F extends { messages: { ru: infer M } }
    ? (messages: M) => void
    : never
) extends (messages: infer All) => void
  ? All
  : never;
/**
 * Messages loaded on demand with the code that uses them, mounted under their own key: `checks` (field
 * messages of the contract checker, src/web/forms/contractErrors.ts, from lazy/checks.<lang>.json). Only
 * their type is here, so the public entry does not carry them.
 */
type Lazy = { checks: typeof import('./lazy/checks.ru.json') };

export type Catalogue = (typeof catalogues)['ru'] & FeatureMessages & Lazy;
