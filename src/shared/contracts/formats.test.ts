/** The input rules every operation applies (ADR 0014), as pure functions. */
import { describe, expect, it } from 'vitest';
import { isHttpUrl, isIsoDate, isIsoDateTime, isSafeText, SAFE_TEXT_PATTERN } from './formats.js';

describe('text', () => {
  it('refuses C0 controls other than tab, LF, CR and unpaired surrogates; keeps the rest', () => {
    for (const bad of ['\u0000', 'a\u0001', '\u001b[31m', 'x\u000b', '\ud800', 'a\udc00b', '\ud83d']) {
      expect(isSafeText(bad), JSON.stringify(bad)).toBe(false);
    }
    for (const good of ['', 'Пётр\tИванов\r\n', '😀', 'שלום', 'Cafe\u0301', '\u00a0', '\u007f']) {
      expect(isSafeText(good), JSON.stringify(good)).toBe(true);
    }
  });

  it('the OpenAPI pattern says the same', () => {
    const re = new RegExp(SAFE_TEXT_PATTERN, 'u');
    for (const s of ['\u0000', 'a\ud800', 'ok\tyes', 'Ёлка😀']) expect(re.test(s)).toBe(isSafeText(s));
  });
});

describe('dates', () => {
  it('real calendar days in 1900–2200 only', () => {
    for (const d of ['1900-01-01', '2200-12-31', '2024-02-29', '2026-11-24'])
      expect(isIsoDate(d), d).toBe(true);
    for (const d of [
      '0000-01-01',
      '9999-12-31',
      '1899-12-31',
      '2201-01-01',
      '2026-02-29',
      '2026-13-01',
      '2026-1-1',
      '+2026-01-01',
    ]) {
      expect(isIsoDate(d), d).toBe(false);
    }
  });

  it('date-times with a zone, no leap second, in range also in UTC', () => {
    for (const d of ['2026-11-24T10:00:00Z', '2026-11-24T10:00:00.123+07:00', '2026-11-24 10:00:00z']) {
      expect(isIsoDateTime(d), d).toBe(true);
    }
    for (const d of [
      '2026-11-24T10:00:00',
      '2016-12-31T23:59:60Z',
      '9999-12-31T23:59:59Z',
      '0000-01-01T00:00:00Z',
      '1900-01-01T00:00:00+01:00',
      '2026-11-24T24:00:00Z',
      '2026-11-24T10:00:00+25:00',
    ]) {
      expect(isIsoDateTime(d), d).toBe(false);
    }
  });
});

describe('URLs', () => {
  it('absolute http(s) with a host only', () => {
    for (const u of ['https://example.ru', 'http://добро.рф/путь?q=1', 'HTTPS://EXAMPLE.RU/'])
      expect(isHttpUrl(u), u).toBe(true);
    for (const u of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'ftp://example.ru',
      'https://',
      '//example.ru',
      'example.ru',
      'https://exa mple.ru',
      'https://example.ru/\u0000',
    ]) {
      expect(isHttpUrl(u), u).toBe(false);
    }
  });
});
