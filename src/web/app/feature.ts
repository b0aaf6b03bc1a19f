import type { RouteObject } from 'react-router';

/**
 * One area of the web app, exported as `<area>Feature` from `pages/<area>/routes.ts` and listed once in
 * app/features.ts: its routes (mounted under the app layout, pages loaded on demand with `page()`) and its
 * messages, each catalogue under its own top-level key (the JSON stays in i18n/features/<key>.<lang>.json).
 * Declare it with `satisfies Feature`, so the message keys stay typed.
 */
export interface Feature {
  routes: RouteObject[];
  messages?: { ru: Record<string, object>; en: Record<string, object> };
}
