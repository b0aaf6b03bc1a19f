import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildMunicipalChange,
  buildMunicipality,
  buildRegion,
  buildUser,
  TEST_PASSWORD,
} from '../../../../test/support/factories.js';

let t: TestPlatform;
let regionId: string;
let cookie: string;

const record = (body: unknown, headers: Record<string, string> = {}) =>
  t.request('POST', '/api/admin/municipal-changes', { body, cookie, headers });
const newOkrug = (slug: string) => ({
  slug,
  nameRu: 'Новый муниципальный округ',
  nameEn: 'New Municipal Okrug',
  kind: 'municipal_okrug',
  adminCenterRu: 'пгт Новый',
  lat: 53.5,
  lon: 87.9,
});

beforeAll(async () => {
  t = await createTestPlatform();
  regionId = (await buildRegion(t.db)).id;
  const admin = await buildUser(t.db, { role: 'regional_admin', scopeId: regionId });
  cookie = sessionCookie(
    await t.request('POST', '/api/auth/login', { body: { email: admin.email, password: TEST_PASSWORD } }),
  );
});
afterAll(async () => {
  await t.close();
});

describe('refused municipal changes', () => {
  it('each refusal has its status and field, and none of them writes anything', async () => {
    const a = await buildMunicipality(t.db, { regionId, slug: 'ref-a' });
    const b = await buildMunicipality(t.db, { regionId, slug: 'ref-b' });
    const young = await buildMunicipality(t.db, {
      regionId,
      slug: 'ref-young',
      effective_from: '2025-01-01',
    });
    const ended = await buildMunicipality(t.db, { regionId, slug: 'ref-ended', effective_to: '2024-01-01' });
    const merged = await buildMunicipality(t.db, { regionId, slug: 'ref-merged' });
    await buildMunicipalChange(t.db, {
      predecessorIds: [merged.id],
      successorId: b.id,
      effectiveOn: '2026-01-01',
    });
    const other = await buildRegion(t.db, { slug: 'refusals-other' });
    const foreign = await buildMunicipality(t.db, { regionId: other.id, slug: 'ref-foreign' });
    const base = { effectiveOn: '2025-06-01' };
    const changesBefore = await t.db.selectFrom('municipality_changes').select('id').execute();

    const cases: [string, unknown, number, string, string][] = [
      // [why, body, status, field, code]
      [
        'predecessor not yet in force on the date',
        {
          ...base,
          kind: 'merger',
          effectiveOn: '2024-06-01',
          predecessorIds: [young.id],
          successor: { existingId: a.id },
        },
        409,
        'predecessorIds.0',
        'not_in_force',
      ],
      [
        'predecessor no longer in force on the date',
        { ...base, kind: 'abolition', predecessorIds: [ended.id] },
        409,
        'predecessorIds.0',
        'not_in_force',
      ],
      [
        'predecessor starts on the change day',
        { ...base, kind: 'abolition', effectiveOn: '2025-01-01', predecessorIds: [young.id] },
        409,
        'predecessorIds.0',
        'starts_on_change_day',
      ],
      [
        'predecessor already ended by a recorded change',
        { ...base, kind: 'merger', predecessorIds: [merged.id], successor: { existingId: a.id } },
        409,
        'predecessorIds.0',
        'already_ends',
      ],
      [
        'existing successor not in force on the date',
        { ...base, kind: 'merger', predecessorIds: [a.id], successor: { existingId: ended.id } },
        409,
        'successor.existingId',
        'not_in_force',
      ],
      [
        'successor listed as a predecessor',
        { ...base, kind: 'merger', predecessorIds: [a.id, b.id], successor: { existingId: b.id } },
        400,
        'successor.existingId',
        'successor_is_predecessor',
      ],
      [
        'abolition with a successor',
        { ...base, kind: 'abolition', predecessorIds: [a.id], successor: { existingId: b.id } },
        400,
        'successor',
        'successor_not_allowed',
      ],
      [
        'merger without a successor',
        { ...base, kind: 'merger', predecessorIds: [a.id, b.id] },
        400,
        'successor',
        'successor_required',
      ],
      [
        'conversion of two municipalities',
        {
          ...base,
          kind: 'conversion',
          predecessorIds: [a.id, b.id],
          successor: { new: newOkrug('ref-new') },
        },
        400,
        'predecessorIds',
        'one_predecessor_required',
      ],
      [
        'the same predecessor twice',
        { ...base, kind: 'abolition', predecessorIds: [a.id, a.id] },
        400,
        'predecessorIds.1',
        'duplicate_predecessor',
      ],
      [
        'a municipality of another region',
        { ...base, kind: 'abolition', predecessorIds: [foreign.id] },
        400,
        'predecessorIds.0',
        'unknown_municipality',
      ],
      [
        'a duplicate slug in the region',
        { ...base, kind: 'rename', predecessorIds: [a.id], successor: { new: newOkrug('ref-b') } },
        409,
        'successor.new.slug',
        'slug_taken',
      ],
      [
        'a blank Cyrillic name',
        {
          ...base,
          kind: 'rename',
          predecessorIds: [a.id],
          successor: { new: { ...newOkrug('ref-x'), nameRu: '   ' } },
        },
        400,
        'successor.new.nameRu',
        'blank',
      ],
      [
        'an unknown field',
        { ...base, kind: 'abolition', predecessorIds: [a.id], reason: 'x' },
        400,
        'reason',
        'unknown_field',
      ],
      [
        'an unknown field of the new successor',
        {
          ...base,
          kind: 'rename',
          predecessorIds: [a.id],
          successor: { new: { ...newOkrug('ref-y'), okato: '1' } },
        },
        400,
        'successor.new.okato',
        'unknown_field',
      ],
      [
        'a malformed date',
        { ...base, kind: 'abolition', effectiveOn: '01.06.2025', predecessorIds: [a.id] },
        400,
        'effectiveOn',
        'invalid_date',
      ],
      [
        'an impossible date',
        { ...base, kind: 'abolition', effectiveOn: '2025-02-30', predecessorIds: [a.id] },
        400,
        'effectiveOn',
        'invalid_date',
      ],
      [
        'no predecessors',
        { ...base, kind: 'abolition', predecessorIds: [] },
        400,
        'predecessorIds',
        'too_few',
      ],
      [
        'an unknown kind',
        { ...base, kind: 'annexation', predecessorIds: [a.id] },
        400,
        'kind',
        'not_allowed_value',
      ],
    ];
    for (const [why, body, status, field, code] of cases) {
      const res = await record(body);
      expect(res.statusCode, why).toBe(status);
      expect(res.headers['content-type'], why).toMatch(/^application\/problem\+json/);
      expect(res.json().errors, why).toContainEqual(expect.objectContaining({ field, code }));
    }

    expect(await t.db.selectFrom('municipality_changes').select('id').execute()).toEqual(changesBefore);
    const untouched = await t.db
      .selectFrom('municipalities')
      .select(['slug', 'effective_to'])
      .where('id', 'in', [a.id, b.id, young.id])
      .orderBy('slug')
      .execute();
    expect(untouched).toEqual([
      { slug: 'ref-a', effective_to: null },
      { slug: 'ref-b', effective_to: null },
      { slug: 'ref-young', effective_to: null },
    ]);
    expect(
      await t.db.selectFrom('municipalities').select('id').where('slug', 'like', 'ref-new%').execute(),
    ).toEqual([]);
  });

  it('refusal messages come in the request language', async () => {
    const a = await buildMunicipality(t.db, { regionId, slug: 'lang-a' });
    const body = {
      kind: 'abolition',
      effectiveOn: '2025-06-01',
      predecessorIds: [a.id],
      successor: { existingId: a.id },
    };
    const ru = (await record(body, { 'accept-language': 'ru' })).json();
    expect(ru.errors).toContainEqual(
      expect.objectContaining({
        field: 'successor',
        message: 'У упразднённого муниципалитета нет правопреемника.',
      }),
    );
    const en = (await record(body, { 'accept-language': 'en' })).json();
    expect(en.errors).toContainEqual(
      expect.objectContaining({ field: 'successor', message: 'An abolished municipality has no successor.' }),
    );
  });
});
