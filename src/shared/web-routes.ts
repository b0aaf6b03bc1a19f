/** Paths the web app renders; anything else gets the app's 404 page with a real 404 status. */
export const WEB_ROUTES = [
  '/',
  '/register',
  '/verify-email',
  '/login',
  '/reset-password',
  '/account',
  '/centers',
] as const;
