/** The two languages must carry the same keys, and Russian plurals all three forms (one, few, many). */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) => JSON.parse(fs.readFileSync(new URL(file, import.meta.url), 'utf8'));
/**
 * The whole catalogue as resources.ts composes it: core messages plus each feature under its own key, and
 * the catalogues loaded on demand under theirs.
 */
function load(lang: string): Record<string, unknown> {
  const features = fs
    .readdirSync(new URL('./features/', import.meta.url))
    .filter((f) => f.endsWith(`.${lang}.json`))
    .map((f) => [f.slice(0, -`.${lang}.json`.length), read(`./features/${f}`)]);
  // Catalogues loaded on demand (lazy/<key>.<lang>.json) are mounted under their key as well.
  const lazy = fs
    .readdirSync(new URL('./lazy/', import.meta.url))
    .filter((f) => f.endsWith(`.${lang}.json`))
    .map((f) => [f.slice(0, -`.${lang}.json`.length), read(`./lazy/${f}`)]);
  return { ...read(`./${lang}.json`), ...Object.fromEntries(features), ...Object.fromEntries(lazy) };
}
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
