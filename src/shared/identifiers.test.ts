import { describe, expect, it } from 'vitest';
import { identifiersMatch, isValidInn, isValidOgrn } from './identifiers.js';

describe('INN and OGRN check digits', () => {
  it('accepts valid identifiers (a published one and constructed ones)', () => {
    expect(isValidInn('7707083893')).toBe(true); // published INN of a large bank, a common test vector
    expect(isValidOgrn('1027700132195')).toBe(true); // its published OGRN
    expect(isValidInn('4205123459')).toBe(true);
    expect(isValidInn('420512345675')).toBe(true);
    expect(isValidOgrn('1024200000000')).toBe(true);
    expect(isValidOgrn('304420500000013')).toBe(true);
  });
  it('refuses a changed digit, wrong lengths and non-digits', () => {
    expect(isValidInn('4205123458')).toBe(false);
    expect(isValidInn('420512345665')).toBe(false);
    expect(isValidInn('42051234')).toBe(false);
    expect(isValidInn('42051234５9')).toBe(false);
    expect(isValidOgrn('1024200000001')).toBe(false);
    expect(isValidOgrn('304420500000014')).toBe(false);
    expect(isValidOgrn('10242000000')).toBe(false);
  });
  it('pairs an organization INN with OGRN and an entrepreneur INN with OGRNIP', () => {
    expect(identifiersMatch('4205123459', '1024200000000')).toBe(true);
    expect(identifiersMatch('420512345675', '304420500000013')).toBe(true);
    expect(identifiersMatch('4205123459', '304420500000013')).toBe(false);
  });
});
