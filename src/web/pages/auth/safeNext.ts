/** Accepts only local paths ("/account", "/centers?x=1"), never "//host" or absolute URLs. */
export function safeNext(next: string | null, fallback = '/account'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
