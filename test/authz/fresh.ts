/** Fresh resources for cells that change what they act on, so cells never interfere. */
import { sql } from 'kysely';
import { PERSONAL_DATA_CONSENT_VERSION } from '../../src/shared/limits.js';
import type { TestPlatform } from '../support/app.js';
import {
  buildCenter,
  buildMunicipality,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../support/factories.js';
import { buildShift, giveGuardianConsent } from '../support/signups.fixtures.js';
import {
  account,
  DAY,
  insertSquad,
  login,
  MINUTE,
  ok,
  PDF,
  type Person,
  PNG,
  person,
  SUBMIT_KINDS,
  uid,
} from './people.js';
import type { Side } from './world.js';

/** Makes new resources for cells that change what they act on, so cells never interfere. */
export function freshFactory(w: {
  t: TestPlatform;
  region: { id: string };
  operator: Person;
  A: Side;
  B: Side;
}) {
  const { t } = w;
  let n = 0;
  /** Each fresh future shift gets its own day, so a volunteer's shifts never overlap. */
  const nextDay = () => new Date(Date.UTC(2027, 0, 1, 3) + ++n * DAY);
  const fresh = {
    login: (email: string) => login(t, email),
    /** A plain adult volunteer (a stranger to everyone), with a session. */
    person: (side?: Side) => person(t, { name: 'Посторонний', homeCenterId: side?.center.id ?? null }),
    /** A 16-year-old of the side's centre with a guardian's consent and a photo, with a session. */
    async minor(side: Side) {
      const minor = await person(t, {
        name: 'Подросток',
        birthDate: '2010-05-05',
        homeCenterId: side.center.id,
      });
      await giveGuardianConsent(t.db, minor.id);
      await ok(
        t.request('PUT', '/api/volunteers/me/photo', {
          cookie: minor.cookie,
          body: PNG,
          headers: { 'content-type': 'application/octet-stream' },
        }),
        'photo',
      );
      return minor;
    },
    /** An eligible adult volunteer without a session (someone a cell only needs to exist). */
    stranger: () => account(t, { name: 'Посторонний Волонтёр' }),
    /** A shift of the side's centre: on a day of its own, or starting `startsIn` from the clock. */
    async shift(side: Side, opts: { startsIn?: number; mode?: 'auto' | 'approval'; capacity?: number } = {}) {
      const startsAt =
        opts.startsIn === undefined ? nextDay() : new Date(t.clock.now().getTime() + opts.startsIn);
      return buildShift(t.db, {
        centerId: side.center.id,
        startsAt,
        capacity: opts.capacity ?? 5,
        mode: opts.mode,
      });
    },
    /** A signup of `userId` on a new shift of the side, in the given state. */
    async signup(
      side: Side,
      userId: string,
      opts: { status?: string; startsIn?: number; mode?: 'auto' | 'approval' } = {},
    ) {
      const shift = await fresh.shift(side, opts);
      const status = opts.status ?? 'confirmed';
      const offeredUntil = status === 'offered' ? new Date(t.clock.now().getTime() + DAY) : null;
      const { rows } = await sql<{ id: string }>`insert into signups
        (shift_id, user_id, status, offered_until, created_at, updated_at)
        values (${shift.id}, ${userId}, ${status}, ${offeredUntil}, ${t.clock.now()}, ${t.clock.now()}) returning id`.execute(
        t.db,
      );
      return { id: (rows[0] as { id: string }).id, shiftId: shift.id };
    },
    /** A pending swap: `from` offers their confirmed place on a new shift of the side to `to`'s address. */
    async swap(side: Side, fromUserId: string, toUserId: string) {
      const signup = await fresh.signup(side, fromUserId);
      const { rows } = await sql<{ id: string }>`insert into signup_swaps
        (signup_id, from_user_id, to_email, created_at)
        select ${signup.id}, ${fromUserId}, lower(email), ${t.clock.now()} from users where id = ${toUserId}
        returning id`.execute(t.db);
      return (rows[0] as { id: string }).id;
    },
    /** A walk-in on a shift of the side that is under way. */
    async walkIn(side: Side) {
      const shift = await fresh.shift(side, { startsIn: -30 * MINUTE });
      const { rows } = await sql<{ id: string }>`insert into shift_walk_ins
        (shift_id, full_name, checked_in_at, created_at)
        values (${shift.id}, 'Пришедший Без Записи', ${t.clock.now()}, ${t.clock.now()}) returning id`.execute(
        t.db,
      );
      return (rows[0] as { id: string }).id;
    },
    async notification(userId: string) {
      const { rows } = await sql<{ id: string }>`insert into notifications (user_id, kind, params, created_at)
        values (${userId}, 'signup.confirmed', '{}', ${t.clock.now()}) returning id`.execute(t.db);
      return (rows[0] as { id: string }).id;
    },
    async workLog(side: Side) {
      const res = await ok<{ entry: { id: string } }>(
        t.request('POST', `/api/centers/${side.center.id}/work-log`, {
          cookie: w.operator.cookie,
          body: { kind: 'training', occurredOn: '2026-11-02', title: 'Занятие', quantity: 1 },
        }),
        'work log',
      );
      return res.entry.id;
    },
    squad: (side: Side, opts: Parameters<typeof insertSquad>[2] = {}) => insertSquad(t, side.center.id, opts),
    /**
     * An invitation to represent an organization, sent by the operator to `email`: of the side's own
     * organization, or (`newOrganization`) of a new one, so accepting it grants nothing in the world.
     */
    async organizationInvitation(side: Side, email: string, opts: { newOrganization?: boolean } = {}) {
      const orgId = opts.newOrganization
        ? (await buildOrganization(t.db, { municipalityId: side.municipality.id })).id
        : side.orgId;
      const res = await ok<{ organization: { invitations: { id: string; email: string }[] } }>(
        t.request('POST', `/api/organizations/${orgId}/representatives`, {
          cookie: w.operator.cookie,
          body: { email },
        }),
        'organization invitation',
      );
      const invitation = res.organization.invitations.find((i) => i.email === email.toLowerCase());
      if (!invitation) throw new Error(`no invitation for ${email}`);
      return { orgId, invitationId: invitation.id };
    },
    /** An invitation by e-mail to a new shift of the side, sent by the side's coordinator. */
    async shiftInvitation(side: Side, email: string) {
      const shift = await fresh.shift(side);
      const res = await ok<{ invitation: { id: string } }>(
        t.request('POST', `/api/shifts/${shift.id}/invitations`, {
          cookie: side.coordinator.cookie,
          body: { email },
        }),
        'shift invitation',
      );
      return res.invitation.id;
    },
    /** A new squad of the side in which `inviteeId` is an active member, invited to lead it by the side's coordinator. */
    async leaderInvitation(side: Side, inviteeId: string) {
      const squad = await insertSquad(t, side.center.id, { members: [inviteeId] });
      await ok(
        t.request('POST', `/api/squads/${squad.id}/leaders`, {
          cookie: side.coordinator.cookie,
          body: { userId: inviteeId },
        }),
        'leader invitation',
      );
      return squad.id;
    },
    /** A second representative of the side's organization (so removing one never removes the last). */
    async representative(side: Side) {
      const user = await buildUser(t.db, { role: 'org_representative', scopeId: side.orgId });
      return user.id;
    },
    /** An application of the side's organization at `stage`; `submitted` ones carry their documents. */
    async application(side: Side, stage: 'draft' | 'submitted' = 'draft') {
      const { rows } = await sql<{ id: string }>`insert into center_applications
        (organization_id, municipality_id, stage, stage_since)
        values (${side.orgId}, ${side.municipality.id}, ${stage}, '2026-11-01') returning id`.execute(t.db);
      const id = (rows[0] as { id: string }).id;
      if (stage === 'submitted') {
        for (const kind of SUBMIT_KINDS) {
          await ok(
            t.request('POST', `/api/applications/${id}/documents/${kind}?name=${kind}.pdf`, {
              cookie: side.rep.cookie,
              body: PDF,
              headers: { 'content-type': 'application/octet-stream' },
            }),
            'upload',
          );
        }
      }
      return id;
    },
    /** A centre of its own in the side's municipality (for status changes that would end the side's). */
    async center(side: Side) {
      return (await buildCenter(t.db, { municipalityId: side.municipality.id })).id;
    },
    async municipality() {
      return (await buildMunicipality(t.db, { regionId: w.region.id })).id;
    },
    async round(year: number, half: 1 | 2) {
      const res = await ok<{ round: { id: string } }>(
        t.request('POST', '/api/monitoring/rounds', { cookie: w.operator.cookie, body: { year, half } }),
        'round',
      );
      return res.round.id;
    },
    async planTarget() {
      const res = await ok<{ target: { id: string } }>(
        t.request('POST', '/api/plan/targets', {
          cookie: w.operator.cookie,
          body: { kind: 'active_centers', dueDate: `${2031 + n++}-06-30`, target: 10, comment: 'цель' },
        }),
        'plan target',
      );
      return res.target.id;
    },
    /**
     * Someone of the same kind as `userId`: the same grants, profile and consents, with a session of
     * their own. For cells that end sessions or change the password, which would end the actor's.
     */
    async twin(userId: string): Promise<Person> {
      const user = await buildUser(t.db, { displayName: 'Двойник' });
      await sql`insert into role_assignments (user_id, role, scope_type, scope_id)
        select ${user.id}, role, scope_type, scope_id from role_assignments where user_id = ${userId}`.execute(
        t.db,
      );
      await sql`insert into volunteer_profiles (user_id, birth_date, home_center_id)
        select ${user.id}, birth_date, home_center_id from volunteer_profiles where user_id = ${userId}`.execute(
        t.db,
      );
      await sql`insert into consents (user_id, purpose, version, given_at)
        select ${user.id}, purpose, version, given_at from consents
        where user_id = ${userId} and withdrawn_at is null`.execute(t.db);
      return { id: user.id, email: user.email, cookie: await login(t, user.email) };
    },
    /** A registered, unverified account and its verification token (from the mail). */
    async verificationToken() {
      const email = `new-${uid()}@example.ru`;
      await ok(
        t.request('POST', '/api/auth/register', {
          body: {
            email,
            password: TEST_PASSWORD,
            displayName: 'Новый Человек',
            consent: { personalData: true, version: PERSONAL_DATA_CONSENT_VERSION },
          },
        }),
        'register',
      );
      return tokenIn(await lastMail(t, email));
    },
    /** A password-reset token of a new account. */
    async resetToken() {
      const user = await buildUser(t.db);
      await ok(
        t.request('POST', '/api/auth/password-reset/request', { body: { email: user.email } }),
        'reset request',
      );
      return tokenIn(await lastMail(t, user.email));
    },
  };
  return fresh;
}

async function lastMail(t: TestPlatform, to: string) {
  const mails = await t.mailbox(to);
  const mail = mails.at(-1);
  if (!mail) throw new Error(`no mail to ${to}`);
  return mail.text_body as string;
}

function tokenIn(text: string) {
  const match = /token=([\w%-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no token in mail: ${text}`);
  return decodeURIComponent(match[1]);
}
