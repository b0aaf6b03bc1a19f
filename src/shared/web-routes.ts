/** Paths the web app renders (`:name` matches one segment); anything else gets the 404 page with status 404. */
export const WEB_ROUTES = [
  '/',
  '/register',
  '/verify-email',
  '/login',
  '/reset-password',
  '/account',
  '/centers',
  '/centers/:id',
  '/organizations',
  '/organizations/new',
  '/organizations/:id',
] as const;

const patterns = WEB_ROUTES.map((r) => new RegExp(`^${r.replace(/:[a-z]+/gi, '[^/]+')}$`));

export function isWebRoute(pathname: string): boolean {
  const path = pathname.replace(/\/+$/, '') || '/';
  return patterns.some((p) => p.test(path));
}
