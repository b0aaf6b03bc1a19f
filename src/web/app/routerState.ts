/**
 * The app's router, for the few components that read its live state (is a navigation under way?) before
 * React re-renders. router.tsx registers it at start; reading it here instead of importing router.tsx
 * keeps pages out of an import cycle with the route table that loads them.
 */
import type { DataRouter } from 'react-router';

let current: DataRouter | null = null;

export function registerRouter(router: DataRouter): DataRouter {
  current = router;
  return router;
}

/** The router's state now: its location and the navigation under way, if any. */
export function routerState(): DataRouter['state'] {
  if (!current) throw new Error('The router is not created yet (app/router.tsx registers it).');
  return current.state;
}
