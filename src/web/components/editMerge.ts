/** Which fields an edit form sends, and what it shows after loading the current version (ADR 0017). */

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `next` that differ from `base`: what the user changed since the form opened. */
export function changedFields<T extends Record<string, unknown>>(base: T, next: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) if (!same(base[key], next[key])) out[key] = next[key];
  return out;
}

/**
 * After loading the current version: the fields the user changed keep the user's values, the others take
 * the current ones — so neither the user's input nor the other person's saved changes are lost.
 */
export function mergeEdits<T extends Record<string, unknown>>(base: T, mine: T, theirs: T): T {
  const out = { ...theirs };
  for (const key of Object.keys(mine) as (keyof T)[]) if (!same(base[key], mine[key])) out[key] = mine[key];
  return out;
}
