/**
 * The world the authorization matrix runs in: one region with two centres, A and B, each with its
 * organization, coordinator, representative, volunteers, a squad with its leader, opportunities, shifts,
 * signups, a work log, an application with uploaded documents; the region's operator; and a real session
 * for every actor kind. Built once per test file; `fresh` makes new resources for cells that change them.
 */
import { sql } from 'kysely';
import { seedApplicationDefaults } from '../../src/server/modules/applications/index.js';
import { seedOpportunityCategories } from '../../src/server/modules/opportunities/index.js';
import { seedServiceKinds } from '../../src/server/seed/service-kinds.js';
import { seedVolunteerDefaults } from '../../src/server/seed/volunteers-defaults.js';
import { createTestPlatform, type TestPlatform } from '../support/app.js';
import { buildCenter, buildMunicipality, buildRegion } from '../support/factories.js';
import { buildShift, giveGuardianConsent } from '../support/signups.fixtures.js';
import { freshFactory } from './fresh.js';
import { insertSquad, ok, PDF, PNG, person, SUBMIT_KINDS } from './people.js';

export { HOUR, MINUTE, PDF, type Person, PNG } from './people.js';
export type Side = Awaited<ReturnType<typeof buildSide>>;
export type World = Awaited<ReturnType<typeof buildWorld>>;

/** One centre with everything that belongs to it. */
async function buildSide(t: TestPlatform, regionId: string, label: 'A' | 'B', operator: string) {
  const municipality = await buildMunicipality(t.db, { regionId, name_ru: `Округ ${label}` });
  const center = await buildCenter(t.db, { municipalityId: municipality.id, name: `Добро.Центр ${label}` });
  const orgId = center.organization_id;
  const coordinator = await person(t, {
    role: 'center_coordinator',
    scopeId: center.id,
    name: `Координатор ${label}`,
    birthDate: null,
  });
  const rep = await person(t, {
    role: 'org_representative',
    scopeId: orgId,
    name: `Представитель ${label}`,
    birthDate: null,
  });
  const volunteer = await person(t, { name: `Волонтёр ${label}`, homeCenterId: center.id });
  const leader = await person(t, { name: `Лидер ${label}`, homeCenterId: center.id });
  const squad = await insertSquad(t, center.id, { leaders: [leader.id], members: [volunteer.id] });

  // Opportunities: a published one with a shift in December, a draft one with its own shift.
  const start = new Date(Date.UTC(2026, 11, label === 'A' ? 5 : 6, 3));
  const published = await buildShift(t.db, { centerId: center.id, startsAt: start, capacity: 10 });
  const draft = await buildShift(t.db, { centerId: center.id, startsAt: start, title: 'Черновик' });
  await sql`update opportunities set status = 'draft' where id = ${draft.opportunityId}`.execute(t.db);
  const series = await ok<{ opportunity: { series: { id: string }[] } }>(
    t.request('POST', `/api/opportunities/${published.opportunityId}/series`, {
      cookie: operator,
      body: {
        frequency: 'weekly',
        weekdays: [6],
        startsOn: '2027-03-01',
        until: '2027-03-31',
        startTime: '10:00',
        durationMinutes: 120,
        capacity: 5,
      },
    }),
    'series',
  );
  const template = await ok<{ id: string }>(
    t.request('POST', `/api/centers/${center.id}/shift-templates`, {
      cookie: operator,
      body: { name: `Суббота ${label}`, slots: [{ start: '09:00', end: '12:00', capacity: 4 }] },
    }),
    'template',
  );
  const { rows: signupRows } = await sql<{ id: string }>`insert into signups
    (shift_id, user_id, status, created_at, updated_at)
    values (${published.id}, ${volunteer.id}, 'confirmed', ${t.clock.now()}, ${t.clock.now()}) returning id`.execute(
    t.db,
  );
  const workLog = await ok<{ entry: { id: string } }>(
    t.request('POST', `/api/centers/${center.id}/work-log`, {
      cookie: operator,
      body: { kind: 'training', occurredOn: '2026-11-01', title: `Школа волонтёра ${label}`, quantity: 1 },
    }),
    'work log',
  );

  // An application of the organization at `submitted`, with the checklist's first documents uploaded.
  const { rows: appRows } = await sql<{ id: string }>`insert into center_applications
    (organization_id, municipality_id, stage, stage_since)
    values (${orgId}, ${municipality.id}, 'submitted', '2026-11-01') returning id`.execute(t.db);
  const applicationId = (appRows[0] as { id: string }).id;
  for (const kind of SUBMIT_KINDS) {
    await ok(
      t.request('POST', `/api/applications/${applicationId}/documents/${kind}?name=${kind}.pdf`, {
        cookie: rep.cookie,
        body: PDF,
        headers: { 'content-type': 'application/octet-stream' },
      }),
      'upload',
    );
  }
  return {
    label,
    municipality,
    center,
    orgId,
    coordinator,
    rep,
    volunteer,
    leader,
    squad,
    opportunityId: published.opportunityId,
    shiftId: published.id,
    draftOpportunityId: draft.opportunityId,
    draftShiftId: draft.id,
    seriesId: (series.opportunity.series[0] as { id: string }).id,
    templateId: template.id,
    signupId: (signupRows[0] as { id: string }).id,
    workLogId: workLog.entry.id,
    applicationId,
  };
}

export async function buildWorld() {
  const t = await createTestPlatform();
  await seedServiceKinds(t.db);
  await seedApplicationDefaults(t.db);
  await seedOpportunityCategories(t.db);
  await seedVolunteerDefaults(t.db);
  const region = await buildRegion(t.db);
  const operator = await person(t, {
    role: 'regional_admin',
    scopeId: region.id,
    name: 'Оператор',
    birthDate: null,
  });
  const A = await buildSide(t, region.id, 'A', operator.cookie);
  const B = await buildSide(t, region.id, 'B', operator.cookie);
  // A minor (16 on the clock's day) of centre A, with a guardian's consent.
  const minor = await person(t, {
    name: 'Несовершеннолетний',
    birthDate: '2010-05-05',
    homeCenterId: A.center.id,
  });
  await giveGuardianConsent(t.db, minor.id);
  // Each volunteer of a centre has a photo (shown to other centres only when chosen: it is not).
  for (const v of [A.volunteer, B.volunteer, A.leader, B.leader, minor]) {
    await ok(
      t.request('PUT', '/api/volunteers/me/photo', {
        cookie: v.cookie,
        body: PNG,
        headers: { 'content-type': 'application/octet-stream' },
      }),
      'photo',
    );
  }
  await sql`insert into signups (shift_id, user_id, status, created_at, updated_at)
    values (${A.shiftId}, ${minor.id}, 'confirmed', ${t.clock.now()}, ${t.clock.now()})`.execute(t.db);
  const round = await ok<{ round: { id: string } }>(
    t.request('POST', '/api/monitoring/rounds', { cookie: operator.cookie, body: { year: 2026, half: 1 } }),
    'round',
  );
  const target = await ok<{ target: { id: string } }>(
    t.request('POST', '/api/plan/targets', {
      cookie: operator.cookie,
      body: { kind: 'active_centers', dueDate: '2030-12-31', target: 40, comment: 'план' },
    }),
    'plan target',
  );
  const feed = await ok<{ url: string }>(
    t.request('POST', '/api/me/calendar-feed', { cookie: B.volunteer.cookie }),
    'calendar feed',
  );

  const w = {
    t,
    region,
    operator,
    minor,
    A,
    B,
    roundId: round.round.id,
    planTargetId: target.target.id,
    feedPath: new URL(feed.url).pathname,
  };
  return { ...w, fresh: freshFactory(w) };
}
