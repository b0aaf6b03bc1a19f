import { describe, expect, it } from 'vitest';
import { isWebRoute } from './web-routes.js';

describe('web routes', () => {
  it('matches the app pages, parameters and trailing slashes', () => {
    for (const p of [
      '/',
      '/centers',
      '/centers/',
      '/organizations/new',
      '/centers/6f1c2b1e-0000-4000-8000-000000000000',
      '/organizations/6f1c2b1e-0000-4000-8000-000000000000',
    ]) {
      expect(isWebRoute(p)).toBe(true);
    }
  });
  it('does not match other paths', () => {
    for (const p of ['/nope', '/organizations/a/b', '/centersx', '/api/health'])
      expect(isWebRoute(p)).toBe(false);
  });
});
