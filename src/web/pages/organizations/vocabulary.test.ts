/** Every organization kind and subkind has a name in both languages. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SUBKINDS as CONTRACT_SUBKINDS,
  ORGANIZATION_KINDS,
} from '../../../shared/contracts/organizations.js';
import { subkindsOf } from './vocabulary.js';

const load = (lang: string) =>
  JSON.parse(fs.readFileSync(new URL(`../../i18n/${lang}.json`, import.meta.url), 'utf8')) as {
    orgKind: Record<string, string>;
    orgSubkind: Record<string, string>;
  };

describe('organization vocabulary', () => {
  it('offers each kind its own subkinds and "other"', () => {
    expect(subkindsOf('culture')).toEqual(['library', 'house_of_culture', 'museum', 'theatre', 'other']);
    expect(subkindsOf('other')).toEqual(['other']);
  });

  it('names every kind and subkind in Russian and English', () => {
    const subkinds = [...new Set([...Object.values(CONTRACT_SUBKINDS).flat(), 'other'])];
    for (const lang of ['ru', 'en']) {
      const messages = load(lang);
      expect(Object.keys(messages.orgKind).sort()).toEqual([...ORGANIZATION_KINDS].sort());
      expect(Object.keys(messages.orgSubkind).sort()).toEqual(subkinds.sort());
    }
  });
});
