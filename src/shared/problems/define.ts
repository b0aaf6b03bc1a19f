/**
 * The shape of the problem-code catalogue. Every code the API can answer with — as the problem's `code`
 * or as a field error's `code` — has exactly one entry: the HTTP status it is sent with (for a code that
 * only appears inside `errors[]`, the status of the problems that carry it: 400) and one text per
 * language. `{name}` placeholders are filled from the error's params.
 */
export type ProblemText = {
  /** The HTTP status this code is answered with when it is the problem's own code. */
  readonly status: number;
  readonly ru: string;
  readonly en: string;
};

/** Declares one area's codes; `const` keeps the keys literal so `ProblemCode` is a union. */
export const defineProblems = <const T extends Record<string, ProblemText>>(texts: T): T => texts;

/** Codes defined in more than one area (each must be defined once, with one meaning). */
export function duplicateCodes(areas: Record<string, Record<string, ProblemText>>): string[] {
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const [area, texts] of Object.entries(areas)) {
    for (const code of Object.keys(texts)) {
      const first = seen.get(code);
      if (first) duplicates.push(`${code} (${first}, ${area})`);
      else seen.set(code, area);
    }
  }
  return duplicates;
}

/** Merges the areas into one catalogue; a code defined twice is a programming error and throws. */
export function mergeProblemAreas<A extends Record<string, Record<string, ProblemText>>>(
  areas: A,
): Record<string, ProblemText> {
  const duplicates = duplicateCodes(areas);
  if (duplicates.length > 0) throw new Error(`Problem codes defined twice: ${duplicates.join('; ')}`);
  return Object.assign({}, ...Object.values(areas));
}

/** Fills `{name}` placeholders; unknown names stay as they are. */
export function fillPlaceholders(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    params[key] === undefined ? whole : String(params[key]),
  );
}
