import type { Feature } from '../../app/feature';
import { page } from '../../app/lazyPage';

/** The signed-in user's account page (messages in the core catalogue). */
export const accountFeature = {
  routes: [{ path: 'account', Component: page(() => import('./AccountPage'), 'AccountPage') }],
} satisfies Feature;
