const SITE = 'https://dobroset.invalid';

/**
 * Where to go after signing in: only a path on this site ("/account", "/squads/1?tab=x#y"), taken apart
 * by the browser's own URL parser so that nothing that parses to another host gets through ("//host",
 * "/\host", "/<tab>/host", "https://…", "javascript:…"). Anything else gives the fallback.
 */
export function safeNext(next: string | null, fallback = '/account'): string {
  if (!next?.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(next, SITE);
  } catch {
    return fallback;
  }
  if (url.origin !== SITE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
