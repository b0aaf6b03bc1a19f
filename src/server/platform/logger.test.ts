/**
 * What the log may contain: URLs with their secrets redacted, errors without statement values, and —
 * over a whole journey (register → verify → login → reset → calendar feed → QR check-in), logged at
 * `info` into a buffer — not one token, cookie, e-mail address, name or password that was used.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF, sessionCookie, tokenFromMail } from '../../../test/support/app.js';
import { buildCenter, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { buildShift, setProfile } from '../../../test/support/signups.fixtures.js';
import { openTestDatabase } from '../../../test/support/template.js';
import { PERSONAL_DATA_CONSENT_VERSION } from '../../shared/limits.js';
import { ACCOUNT_MAIL_QUEUE } from '../modules/accounts/index.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { createTestClock } from './clock.js';
import { loadConfig } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { createLogger, redactUrl, scrubText, serializeError } from './logger.js';
import { MAIL_QUEUE } from './mail/mailer.js';

describe('redacting what is logged', () => {
  it('drops tokens from paths and queries, keeps ids and plain values', () => {
    const id = '6f1c2a4e-8d3b-4c1a-9e2f-0a1b2c3d4e5f';
    expect(redactUrl('/reset-password?token=abcDEF123_-xyz789ABCdef456ghiJKL')).toBe(
      '/reset-password?token=[redacted]',
    );
    expect(redactUrl('/check-in?t=eyJzIjoiNmYx.c2lnbmF0dXJl&lang=ru')).toBe('/check-in?t=[redacted]&lang=ru');
    expect(redactUrl('/api/calendar/AbC123dEf456GhI789jKl012mNo345.ics', '/api/calendar/:token')).toBe(
      '/api/calendar/[redacted]',
    );
    // the same path without its route (a 404, a web page) is caught by its shape
    expect(redactUrl('/api/calendar/AbC123dEf456GhI789jKl012mNo345.ics')).toBe('/api/calendar/[redacted]');
    expect(
      redactUrl(`/api/squads/${id}/members?limit=20&offset=40&on=2026-05-01`, '/api/squads/:id/members'),
    ).toBe(`/api/squads/${id}/members?limit=20&offset=40&on=2026-05-01`);
    expect(redactUrl('/api/organizations?q=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2&kind=ngo')).toBe(
      '/api/organizations?q=[redacted]&kind=ngo',
    );
    expect(redactUrl('/api/x?who=ivan%40example.ru')).toBe('/api/x?who=[redacted]');
    expect(redactUrl('/api/public/municipality-shapes')).toBe('/api/public/municipality-shapes');
  });

  it('scrubs addresses and tokens from error texts, and drops the values a statement carried', () => {
    expect(scrubText('Recipient <ivan.petrov@example.ru> rejected')).toBe('Recipient <[email]> rejected');
    expect(scrubText('token AbC123dEf456GhI789jKl012mNo345 is bad')).toBe('token [token] is bad');
    const error = Object.assign(
      new Error('duplicate key value violates unique constraint "users_email_key"'),
      {
        detail: 'Key (email)=(ivan@example.ru) already exists.',
        parameters: ['ivan@example.ru'],
        code: '23505',
      },
    );
    const logged = JSON.stringify(serializeError(error));
    expect(logged).toContain('23505');
    expect(logged).not.toContain('ivan@example.ru');
  });
});

describe('the log of a whole journey', () => {
  const lines: string[] = [];
  let handle: DatabaseHandle;
  let runtime: Runtime;
  const clock = createTestClock();
  /** Everything that must never be in the log; filled as the journey goes. */
  const secrets = new Set<string>();

  beforeAll(async () => {
    handle = await openTestDatabase();
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const config = loadConfig({ PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'info' });
    runtime = await createRuntime({
      config,
      log: createLogger('info', sink),
      clock,
      handle,
      work: false,
      webDir: null,
    });
  });
  afterAll(async () => {
    await runtime.close();
    await handle.close();
  });

  const request = (
    method: 'GET' | 'POST',
    url: string,
    opts: { body?: object; cookie?: string | null } = {},
  ) =>
    runtime.app.inject({
      method,
      url,
      headers: { ...CSRF, ...(opts.cookie ? { cookie: opts.cookie } : {}) },
      ...(opts.body ? { payload: opts.body } : {}),
    });
  const lastMail = async (to: string, template: string) => {
    await runtime.jobs.drain(ACCOUNT_MAIL_QUEUE);
    await runtime.jobs.drain(MAIL_QUEUE);
    const row = await handle.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', to)
      .where('template', '=', template)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    return row.text_body;
  };

  it('register → verify → login → reset → calendar feed → QR check-in leaves no secret and no person in the log', async () => {
    const email = 'zhurnal.proverkin@example.ru';
    const name = 'Журнал Проверкин';
    const password = 'Кузбасс-2026-волонтёр';
    const newPassword = 'Зимний-рассвет-над-Томью';
    for (const s of [email, name, password, newPassword, 'zhurnal.proverkin']) secrets.add(s);

    const registered = await request('POST', '/api/auth/register', {
      body: {
        email,
        password,
        displayName: name,
        consent: { personalData: true, version: PERSONAL_DATA_CONSENT_VERSION },
      },
    });
    expect(registered.statusCode, registered.body).toBe(202);
    const verifyToken = tokenFromMail(await lastMail(email, 'verify_email'));
    secrets.add(verifyToken);
    await request('GET', `/verify-email?token=${encodeURIComponent(verifyToken)}`); // the page the link opens
    expect(
      (await request('POST', '/api/auth/verify-email', { body: { token: verifyToken } })).statusCode,
    ).toBe(200);

    const first = await request('POST', '/api/auth/login', { body: { email, password } });
    expect(first.statusCode).toBe(200);
    secrets.add(sessionCookie(first).split('=')[1] as string);

    expect((await request('POST', '/api/auth/password-reset/request', { body: { email } })).statusCode).toBe(
      202,
    );
    const resetToken = tokenFromMail(await lastMail(email, 'reset_password'));
    secrets.add(resetToken);
    await request('GET', `/reset-password?token=${encodeURIComponent(resetToken)}`);
    expect(
      (
        await request('POST', '/api/auth/password-reset/confirm', {
          body: { token: resetToken, password: newPassword },
        })
      ).statusCode,
    ).toBe(200);
    const login = await request('POST', '/api/auth/login', { body: { email, password: newPassword } });
    expect(login.statusCode).toBe(200);
    const cookie = sessionCookie(login);
    secrets.add(cookie.split('=')[1] as string);
    const device = String(login.headers['set-cookie']).match(/dobroset_device=([^;]+)/)?.[1];
    if (device) secrets.add(device);

    const feed = await request('POST', '/api/me/calendar-feed', { cookie });
    expect(feed.statusCode).toBe(200);
    const feedUrl = new URL(feed.json().url as string);
    secrets.add(
      feedUrl.pathname
        .split('/')
        .pop()
        ?.replace(/\.ics$/, '') as string,
    );
    expect((await request('GET', feedUrl.pathname)).statusCode).toBe(200);

    // QR check-in: a shift of a centre, the coordinator shows the code, the volunteer scans it
    const center = await buildCenter(handle.db);
    const coordinator = await buildUser(handle.db, {
      role: 'center_coordinator',
      scopeId: center.id,
      displayName: 'Координатор Тайный',
      email: 'coordinator.secret@example.ru',
    });
    secrets.add(coordinator.email).add('Координатор Тайный');
    const coordinatorCookie = sessionCookie(
      await request('POST', '/api/auth/login', {
        body: { email: coordinator.email, password: TEST_PASSWORD },
      }),
    );
    secrets.add(coordinatorCookie.split('=')[1] as string);
    const me = await handle.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    await setProfile(handle.db, me.id, { birthDate: '1990-01-01', consent: true });
    const shift = await buildShift(handle.db, {
      centerId: center.id,
      startsAt: new Date(clock.now().getTime() + 30 * 60_000),
      hours: 2,
    });
    expect((await request('POST', `/api/shifts/${shift.id}/signups`, { cookie, body: {} })).statusCode).toBe(
      201,
    );
    const code = (
      await request('GET', `/api/shifts/${shift.id}/checkin-code`, { cookie: coordinatorCookie })
    ).json();
    secrets.add(code.token);
    await request('GET', `/check-in?t=${encodeURIComponent(code.token)}`);
    const checkIn = await request('POST', '/api/check-in', { cookie, body: { token: code.token } });
    expect(checkIn.statusCode).toBe(200);
    // a failing request too: errors are logged with their own serializer
    await request('POST', '/api/auth/login', { body: { email, password: 'wrong-password-here' } });

    const log = lines.join('');
    for (const secret of secrets) {
      expect(log.includes(secret), `the log contains ${secret.slice(0, 6)}…`).toBe(false);
      expect(
        log.includes(encodeURIComponent(secret)),
        `the log contains ${secret.slice(0, 6)}… (encoded)`,
      ).toBe(false);
    }
    expect(log).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(lines.length).toBeGreaterThan(20);
    expect(log).toContain('incoming request');
    expect(log).toContain('[redacted]');
  });
});
