// Each feature lists its own paths (keep in step with src/web/pages/<feature>/routes.ts).
const APPLICATION_ROUTES: readonly string[] = [
  '/applications',
  '/applications/new',
  '/applications/:id',
  '/notifications',
];
const MONITORING_ROUTES: readonly string[] = [
  '/centers/:id/work-log',
  '/operator/monitoring',
  '/operator/monitoring/:roundId',
];
const PLAN_ROUTES: readonly string[] = ['/operator/dashboard', '/operator/plan'];
const OPERATOR_ROUTES: readonly string[] = ['/operator', '/operator/municipalities', '/operator/settings'];
const VOLUNTEER_ROUTES: readonly string[] = [
  '/volunteer/profile',
  '/volunteer/consents',
  '/squads/:id',
  '/my/squads',
  '/volunteers/:userId',
  '/centers/:id/squads',
];
const OPPORTUNITY_ROUTES: readonly string[] = [
  '/opportunities',
  '/opportunities/:id',
  '/opportunities/:id/manage',
  '/centers/:id/opportunities',
];
const SIGNUP_ROUTES: readonly string[] = ['/my/shifts', '/shifts/:id/roster'];
const CHECKIN_ROUTES: readonly string[] = ['/check-in', '/shifts/:id/qr', '/shifts/:id/desk'];

/** Paths the web app renders (`:name` matches one segment); anything else gets the 404 page with status 404. */
export const WEB_ROUTES: readonly string[] = [
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
  ...APPLICATION_ROUTES,
  ...MONITORING_ROUTES,
  ...PLAN_ROUTES,
  ...OPERATOR_ROUTES,
  ...VOLUNTEER_ROUTES,
  ...OPPORTUNITY_ROUTES,
  ...SIGNUP_ROUTES,
  ...CHECKIN_ROUTES,
  '/centers/:id/schedule',
];

const patterns = WEB_ROUTES.map((r) => new RegExp(`^${r.replace(/:[a-z]+/gi, '[^/]+')}$`));

export function isWebRoute(pathname: string): boolean {
  const path = pathname.replace(/\/+$/, '') || '/';
  return patterns.some((p) => p.test(path));
}
