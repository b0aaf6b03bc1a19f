/** The way back after signing in keeps the page's query, and never leads off the site. */
import { describe, expect, it } from 'vitest';
import { loginPathFor } from '../../components/loginPath.js';
import { safeNext } from './safeNext.js';

/** What the login page reads from the link RequireUser builds. */
const roundTrip = (target: string) =>
  safeNext(new URL(loginPathFor(target), 'https://example.org').searchParams.get('next'));

describe('the way back after signing in', () => {
  it('keeps the path, the query and the fragment', () => {
    expect(roundTrip('/squads/5b7a')).toBe('/squads/5b7a');
    expect(roundTrip('/my/squads?code=DEMO2026')).toBe('/my/squads?code=DEMO2026');
    expect(roundTrip('/organizations?q=%D0%AE%D1%80%D0%B3%D0%B0&kind=culture#list')).toBe(
      '/organizations?q=%D0%AE%D1%80%D0%B3%D0%B0&kind=culture#list',
    );
    expect(loginPathFor('/my/squads?code=A&x=1')).toBe('/login?next=/my/squads%3Fcode%3DA%26x%3D1');
  });

  it('refuses anything that leads to another site, or is not a path', () => {
    for (const next of [
      '//evil.example/phish',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'evil.example',
      '',
      null,
    ]) {
      expect(safeNext(next), JSON.stringify(next)).toBe('/account');
    }
    expect(safeNext('//evil.example', '/')).toBe('/');
  });
});
