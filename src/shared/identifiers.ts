/**
 * Russian legal identifiers with their check digits (shared by server validation and web forms):
 * INN — 10 digits (organization) or 12 (individual); OGRN — 13 digits (organization) or OGRNIP 15.
 */
const digits = (s: string) => Array.from(s, Number);
const weighted = (d: number[], weights: number[]) => weights.reduce((sum, w, i) => sum + w * (d[i] ?? 0), 0);

export function isValidInn(inn: string): boolean {
  if (!/^(\d{10}|\d{12})$/.test(inn)) return false;
  const d = digits(inn);
  if (d.length === 10) return (weighted(d, [2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10 === d[9];
  const n11 = (weighted(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  const n12 = (weighted(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  return n11 === d[10] && n12 === d[11];
}

export function isValidOgrn(ogrn: string): boolean {
  if (!/^(\d{13}|\d{15})$/.test(ogrn)) return false;
  const body = BigInt(ogrn.slice(0, -1));
  const modulus = ogrn.length === 13 ? 11n : 13n;
  return Number((body % modulus) % 10n) === Number(ogrn.at(-1));
}

/** An organization's INN has 10 digits and its OGRN 13; an entrepreneur's 12 and 15. */
export function identifiersMatch(inn: string, ogrn: string): boolean {
  return (inn.length === 10 && ogrn.length === 13) || (inn.length === 12 && ogrn.length === 15);
}
