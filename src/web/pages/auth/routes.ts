import type { Feature } from '../../app/feature';
import { page } from '../../app/lazyPage';

/** Registration, e-mail confirmation, sign-in and password reset (messages in the core catalogue). */
export const authFeature = {
  routes: [
    { path: 'register', Component: page(() => import('./RegisterPage'), 'RegisterPage') },
    { path: 'verify-email', Component: page(() => import('./VerifyEmailPage'), 'VerifyEmailPage') },
    { path: 'login', Component: page(() => import('./LoginPage'), 'LoginPage') },
    { path: 'reset-password', Component: page(() => import('./ResetPasswordPage'), 'ResetPasswordPage') },
  ],
} satisfies Feature;
