import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPlatform,
  sessionCookie,
  type TestPlatform,
  tokenFromMail,
} from '../../../../test/support/app.js';
import { buildUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { PERSONAL_DATA_CONSENT_VERSION } from '../../../shared/limits.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(async () => {
  await t.close();
});

const consent = { personalData: true, version: PERSONAL_DATA_CONSENT_VERSION };
const register = (over: Record<string, unknown> = {}) =>
  t.request('POST', '/api/auth/register', {
    body: {
      email: 'Ольга.Петрова@Пример.РФ',
      password: 'Кузбасс-2026-волонтёр',
      displayName: '  Ольга   Петрова ',
      consent,
      ...over,
    },
  });

describe('registration, verification and login', () => {
  it('registers with a Cyrillic name and address, records consent, mails a link, and logs in after verifying', async () => {
    const res = await register();
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: true });
    const row = await t.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'ольга.петрова@пример.рф')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ display_name: 'Ольга Петрова', email_verified_at: null });
    const roles = await t.db
      .selectFrom('role_assignments')
      .selectAll()
      .where('user_id', '=', row.id)
      .execute();
    expect(roles.map((r) => [r.role, r.scope_type, r.scope_id])).toEqual([['volunteer', 'self', null]]);
    const user = { id: row.id };

    const consents = await t.db.selectFrom('consents').selectAll().where('user_id', '=', user.id).execute();
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({
      purpose: 'personal_data_processing',
      version: PERSONAL_DATA_CONSENT_VERSION,
    });

    const login1 = await t.request('POST', '/api/auth/login', {
      body: { email: 'ольга.петрова@пример.рф', password: 'Кузбасс-2026-волонтёр' },
    });
    expect(login1.statusCode).toBe(403);
    expect(login1.json().code).toBe('email_not_verified');

    const [mail] = await t.mailbox('ольга.петрова@пример.рф');
    expect(mail?.status).toBe('logged');
    expect(mail?.subject).toContain('Подтвердите');
    expect(mail?.text_body).toContain('http://localhost:3000/verify-email?token=');
    const verify = await t.request('POST', '/api/auth/verify-email', {
      body: { token: tokenFromMail(mail!.text_body) },
    });
    expect(verify.statusCode).toBe(200);
    expect(verify.json().user.emailVerified).toBe(true);

    const again = await t.request('POST', '/api/auth/verify-email', {
      body: { token: tokenFromMail(mail!.text_body) },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('token_invalid');

    const login = await t.request('POST', '/api/auth/login', {
      body: { email: 'ОЛЬГА.петрова@пример.рф', password: 'Кузбасс-2026-волонтёр' },
    });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const me = await t.request('GET', '/api/me', { cookie: sessionCookie(login) });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.displayName).toBe('Ольга Петрова');
  });

  it('answers a taken address (whatever its case) like a new one, creates nothing and tells its owner', async () => {
    const owner = await buildUser(t.db, { email: 'taken@example.ru' });
    const res = await register({ email: 'TAKEN@example.ru', displayName: 'Кто-то другой' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: true });
    const same = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'taken@example.ru')
      .execute();
    expect(same.map((u) => u.id)).toEqual([owner.id]);
    const mails = await t.mailbox('taken@example.ru');
    expect(mails.map((m) => m.template)).toEqual(['registration_attempt']);
    expect(mails[0]?.text_body).toContain('http://localhost:3000/login');
    expect(mails[0]?.text_body).not.toMatch(/token=/);
    // a second try within the hour does not flood the owner's mailbox
    await register({ email: 'taken@example.ru' });
    expect(await t.mailbox('taken@example.ru')).toHaveLength(1);
  });

  it('requires explicit consent of the current version', async () => {
    const missing = await register({
      consent: { personalData: false, version: PERSONAL_DATA_CONSENT_VERSION },
      email: 'a1@example.ru',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toContainEqual(expect.objectContaining({ field: 'consent.personalData' }));
    const outdated = await register({
      consent: { personalData: true, version: '2000-01-01' },
      email: 'a2@example.ru',
    });
    expect(outdated.statusCode).toBe(400);
    expect(outdated.json().code).toBe('consent_version_outdated');
  });

  it('refuses weak passwords with a field message', async () => {
    const res = await register({ email: 'weak@example.ru', password: '1234567890' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'password', code: 'weak_password' }),
    ]);
  });

  it('answers a wrong password and an unknown address the same way', async () => {
    const user = await buildUser(t.db);
    const wrong = await t.request('POST', '/api/auth/login', {
      body: { email: user.email, password: 'not-the-password' },
    });
    const unknown = await t.request('POST', '/api/auth/login', {
      body: { email: 'nobody@example.ru', password: 'not-the-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('gives messages in the language the browser asks for', async () => {
    const ru = await t.request('POST', '/api/auth/login', {
      body: { email: 'x@example.ru', password: 'x' },
      headers: { 'accept-language': 'ru-RU,ru;q=0.9' },
    });
    const en = await t.request('POST', '/api/auth/login', {
      body: { email: 'x@example.ru', password: 'x' },
      headers: { 'accept-language': 'en-GB,en;q=0.9,ru;q=0.5' },
    });
    expect(ru.json().detail).toBe('Неверная почта или пароль.');
    expect(en.json().detail).toBe('Wrong email or password.');
  });
});

describe('sessions', () => {
  async function login(email: string) {
    const res = await t.request('POST', '/api/auth/login', {
      body: { email, password: TEST_PASSWORD },
      headers: { 'user-agent': 'TestBrowser/1.0' },
    });
    expect(res.statusCode).toBe(200);
    return sessionCookie(res);
  }

  it('rotates the session at login: the cookie a browser had before is not the one after', async () => {
    const user = await buildUser(t.db);
    const first = await login(user.email);
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: user.email, password: TEST_PASSWORD },
      cookie: first,
    });
    const second = sessionCookie(res);
    expect(second).not.toBe(first);
    expect((await t.request('GET', '/api/me', { cookie: first })).statusCode).toBe(401);
    expect((await t.request('GET', '/api/me', { cookie: second })).statusCode).toBe(200);
  });

  it('lists own sessions, ends one, and logs out everywhere', async () => {
    const user = await buildUser(t.db);
    const a = await login(user.email);
    const b = await login(user.email);
    const list = await t.request('GET', '/api/me/sessions', { cookie: a });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; current: boolean; userAgent: string }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(items[0]?.userAgent).toBe('TestBrowser/1.0');

    const other = items.find((s) => !s.current)!;
    expect((await t.request('DELETE', `/api/me/sessions/${other.id}`, { cookie: a })).statusCode).toBe(204);
    expect((await t.request('GET', '/api/me', { cookie: b })).statusCode).toBe(401);

    const c = await login(user.email);
    expect((await t.request('POST', '/api/me/sessions/end-all', { cookie: a })).statusCode).toBe(204);
    expect((await t.request('GET', '/api/me', { cookie: a })).statusCode).toBe(401);
    expect((await t.request('GET', '/api/me', { cookie: c })).statusCode).toBe(401);
  });

  it("cannot see or end someone else's session: it looks like it does not exist", async () => {
    const alice = await buildUser(t.db);
    const bob = await buildUser(t.db);
    const aliceCookie = await login(alice.email);
    const bobCookie = await login(bob.email);
    const bobSession = (await t.request('GET', '/api/me/sessions', { cookie: bobCookie })).json().items[0];
    const res = await t.request('DELETE', `/api/me/sessions/${bobSession.id}`, { cookie: aliceCookie });
    expect(res.statusCode).toBe(404);
    expect((await t.request('GET', '/api/me', { cookie: bobCookie })).statusCode).toBe(200);
  });

  it('expires after the idle time and after the absolute lifetime', async () => {
    const user = await buildUser(t.db);
    const cookie = await login(user.email);
    t.clock.advance(11 * 3_600_000);
    expect((await t.request('GET', '/api/me', { cookie })).statusCode).toBe(200);
    t.clock.advance(12 * 3_600_000 + 60_000);
    expect((await t.request('GET', '/api/me', { cookie })).statusCode).toBe(401);

    const fresh = await login(user.email);
    for (let day = 0; day < 30; day++) {
      t.clock.advance(86_400_000 - 3_600_000);
      await t.request('GET', '/api/me', { cookie: fresh });
    }
    t.clock.advance(86_400_000);
    expect((await t.request('GET', '/api/me', { cookie: fresh })).statusCode).toBe(401);
  });

  it('logout ends the session and clears the cookie', async () => {
    const user = await buildUser(t.db);
    const cookie = await login(user.email);
    const res = await t.request('POST', '/api/auth/logout', { cookie });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/dobroset_session=;/);
    expect((await t.request('GET', '/api/me', { cookie })).statusCode).toBe(401);
  });
});

describe('password reset and change', () => {
  it('resets by a one-time mailed token, ends all sessions, and the token works once', async () => {
    const user = await buildUser(t.db, { email: 'reset@example.ru' });
    const old = sessionCookie(
      await t.request('POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD } }),
    );
    const ask = await t.request('POST', '/api/auth/password-reset/request', {
      body: { email: 'Reset@Example.ru' },
    });
    expect(ask.statusCode).toBe(202);
    const unknown = await t.request('POST', '/api/auth/password-reset/request', {
      body: { email: 'ghost@example.ru' },
    });
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(ask.json());

    const mail = (await t.mailbox(user.email)).find((m) => m.template === 'reset_password')!;
    const token = tokenFromMail(mail.text_body);
    const done = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token, password: 'Новый-пароль-для-входа' },
    });
    expect(done.statusCode).toBe(200);
    expect((await t.request('GET', '/api/me', { cookie: old })).statusCode).toBe(401);
    const reuse = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token, password: 'Ещё-один-пароль-9' },
    });
    expect(reuse.json().code).toBe('token_invalid');
    expect(
      (
        await t.request('POST', '/api/auth/login', {
          body: { email: user.email, password: 'Новый-пароль-для-входа' },
        })
      ).statusCode,
    ).toBe(200);
    expect((await t.mailbox(user.email)).map((m) => m.template)).toContain('password_changed');
  });

  it('refuses an expired reset token', async () => {
    const user = await buildUser(t.db);
    await t.request('POST', '/api/auth/password-reset/request', { body: { email: user.email } });
    const mail = (await t.mailbox(user.email)).find((m) => m.template === 'reset_password')!;
    t.clock.advance(3_600_000 + 1000);
    const res = await t.request('POST', '/api/auth/password-reset/confirm', {
      body: { token: tokenFromMail(mail.text_body), password: 'Новый-пароль-для-входа' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('token_invalid');
  });

  it('changes the password with the current one, keeping this session and ending the others', async () => {
    const user = await buildUser(t.db);
    const here = sessionCookie(
      await t.request('POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD } }),
    );
    const there = sessionCookie(
      await t.request('POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD } }),
    );
    const wrong = await t.request('POST', '/api/me/password', {
      cookie: here,
      body: { currentPassword: 'nope', newPassword: 'Совсем-новый-пароль-1' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const ok = await t.request('POST', '/api/me/password', {
      cookie: here,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'Совсем-новый-пароль-1' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.request('GET', '/api/me', { cookie: here })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/me', { cookie: there })).statusCode).toBe(401);
  });

  it('updates own name (any script) and language', async () => {
    const user = await buildUser(t.db);
    const cookie = sessionCookie(
      await t.request('POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD } }),
    );
    const res = await t.request('PATCH', '/api/me', {
      cookie,
      body: { displayName: 'Айгүл Сәрсенбаева', locale: 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ displayName: 'Айгүл Сәрсенбаева', locale: 'en' });
  });
});

describe('temporary passwords', () => {
  it('a regional admin created with a one-time password must change it before doing anything else', async () => {
    const region = await t.db.selectFrom('regions').select('id').executeTakeFirst();
    const regionId =
      region?.id ??
      (await import('../../../../test/support/factories.js').then((f) => f.buildRegion(t.db))).id;
    const { user, oneTimePassword } = await t.services.accounts.createRegionalAdmin({
      email: 'Admin@Example.ru',
      displayName: 'Оператор',
      regionId,
    });
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(user.roles[0]).toMatchObject({ role: 'regional_admin', scopeType: 'region', scopeId: regionId });
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: 'admin@example.ru', password: oneTimePassword },
    });
    expect(login.json().user.mustChangePassword).toBe(true);
    const cookie = sessionCookie(login);
    const blocked = await t.request('GET', '/api/me/sessions', { cookie });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
    const change = await t.request('POST', '/api/me/password', {
      cookie,
      body: { currentPassword: oneTimePassword, newPassword: 'Кемерово-Томь-2026!' },
    });
    expect(change.statusCode).toBe(200);
    expect((await t.request('GET', '/api/me/sessions', { cookie })).statusCode).toBe(200);
  });
});
