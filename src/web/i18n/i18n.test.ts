/** The two languages must carry the same keys, and Russian plurals all three forms (one, few, many). */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (lang: string) =>
  JSON.parse(fs.readFileSync(new URL(`./${lang}.json`, import.meta.url), 'utf8'));
function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('translations', () => {
  const ru = keys(load('ru'));
  const en = keys(load('en'));
  it('English has every Russian message and no other', () => {
    expect([...new Set(en.map(base))].sort()).toEqual([...new Set(ru.map(base))].sort());
  });
  it('every Russian plural has the one, few, many and other forms', () => {
    const plurals = [...new Set(ru.filter((k) => /_(one|few|many|other)$/.test(k)).map(base))];
    expect(plurals.length).toBeGreaterThan(0);
    for (const p of plurals)
      for (const form of ['one', 'few', 'many', 'other']) expect(ru).toContain(`${p}_${form}`);
  });
});
