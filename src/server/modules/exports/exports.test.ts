import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, sessionCookie, type TestPlatform } from '../../../../test/support/app.js';
import {
  buildMunicipality,
  buildOrganization,
  buildRegion,
  buildUser,
  TEST_PASSWORD,
} from '../../../../test/support/factories.js';
import { endpoints } from '../../../shared/contracts/endpoints.js';
import { isValidInn } from '../../../shared/identifiers.js';
import {
  EXPORT_FILES,
  EXPORT_FORMATS,
  REGISTRY_EXPORTS,
} from '../../../web/pages/organizations/exportLinks.js';
import type { Actor } from '../../platform/auth/actor.js';
import { seedApplicationDefaults } from '../applications/index.js';
import { canExportRegistry } from './exports.policy.js';

/** A valid 10-digit INN with two leading zeros (Excel would turn it into a number and drop them). */
const INN = [...'0123456789'].map((d) => `001234567${d}`).find(isValidInn) as string;
const HOSTILE = '=HYPERLINK("http://example.com","Жми")';

const csvOf = (payload: Buffer): string[][] => parse(payload, { delimiter: ';', bom: true });
async function xlsxOf(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as never);
  return workbook;
}

const login = async (t: TestPlatform, email: string) =>
  sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }));

/**
 * Two municipalities, a library (placeholder, INN with leading zeros, two representatives) with a
 * suspended centre and an application, and an organization named like a formula with a closed centre.
 * The clock is at 20:00 UTC, already the next day in the region (UTC+7).
 */
async function seedRegistry(t: TestPlatform) {
  t.clock.set(new Date('2026-11-24T20:00:00Z'));
  const regionId = (await buildRegion(t.db)).id;
  const kemerovo = await buildMunicipality(t.db, { regionId, name_ru: 'Кемеровский городской округ' });
  const izhmorsky = await buildMunicipality(t.db, {
    regionId,
    name_ru: 'Ижморский муниципальный округ',
    kind: 'municipal_okrug',
  });
  const library = await buildOrganization(t.db, { municipalityId: kemerovo.id });
  await t.db
    .updateTable('organizations')
    .set({
      name: 'Библиотека имени Ф. М. Достоевского',
      kind: 'culture',
      subkind: 'library',
      inn: INN,
      ogrn: '1024200000000',
      phone: '+7 (3842) 00-00-00',
      address: 'г. Кемерово; ул. Весенняя, 1',
      is_placeholder: true,
      created_at: new Date('2025-03-31T20:00:00Z'),
    })
    .where('id', '=', library.id)
    .execute();
  const hostile = await buildOrganization(t.db, { municipalityId: izhmorsky.id, name: HOSTILE });
  await t.db
    .insertInto('centers')
    .values([
      {
        organization_id: library.id,
        municipality_id: kemerovo.id,
        name: 'Добро.Центр «Ёлка»',
        status: 'suspended',
        opened_on: '2023-09-01',
        is_demo: true,
      },
      {
        organization_id: hostile.id,
        municipality_id: izhmorsky.id,
        name: 'Закрытый центр',
        status: 'closed',
      },
    ])
    .execute();
  await t.db
    .insertInto('center_applications')
    .values({
      organization_id: library.id,
      municipality_id: izhmorsky.id,
      proposed_name: 'Добро.Центр Ижморки',
      stage: 'licence_agreement',
      stage_since: '2023-08-28',
      submitted_at: new Date('2023-05-10T09:00:00Z'),
      expected_opening_on: '2024-03-01',
    })
    .execute();
  // The operator names the stages; the export follows the name, not a fixed list.
  await seedApplicationDefaults(t.db);
  await t.db
    .updateTable('application_stages')
    .set({ name_ru: 'Лицензионный договор (финальный этап документов)' })
    .where('code', '=', 'licence_agreement')
    .execute();
  for (const name of ['Первый', 'Второй']) {
    const rep = await buildUser(t.db, { displayName: name });
    await t.db
      .insertInto('role_assignments')
      .values({
        user_id: rep.id,
        role: 'org_representative',
        scope_type: 'organization',
        scope_id: library.id,
      })
      .execute();
  }
  const admin = await buildUser(t.db, { role: 'regional_admin', scopeId: regionId });
  return { regionId, adminId: admin.id, adminCookie: await login(t, admin.email) };
}

let t: TestPlatform;
let regionId: string;
let adminId: string;
let adminCookie: string;

beforeAll(async () => {
  t = await createTestPlatform();
  ({ regionId, adminId, adminCookie } = await seedRegistry(t));
});
afterAll(async () => {
  await t.close();
});

const auditCount = async () =>
  (
    await t.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'export.downloaded')
      .executeTakeFirstOrThrow()
  ).n;

describe('policy', () => {
  const user = (grants: Extract<Actor, { kind: 'user' }>['grants']): Actor => ({
    kind: 'user',
    userId: 'u',
    sessionId: 's',
    email: 'e',
    mustChangePassword: false,
    grants,
  });
  it('only the regional admin of the region exports the registry', () => {
    const region = { id: 'R1' };
    expect(
      canExportRegistry(user([{ role: 'regional_admin', scopeType: 'region', scopeId: 'R1' }]), region),
    ).toBe(true);
    expect(
      canExportRegistry(user([{ role: 'regional_admin', scopeType: 'region', scopeId: 'R2' }]), region),
    ).toBe(false);
    expect(
      canExportRegistry(
        user([{ role: 'org_representative', scopeType: 'organization', scopeId: 'R1' }]),
        region,
      ),
    ).toBe(false);
    expect(
      canExportRegistry(user([{ role: 'center_coordinator', scopeType: 'center', scopeId: 'C1' }]), region),
    ).toBe(false);
    expect(canExportRegistry({ kind: 'anonymous' }, region)).toBe(false);
  });
});

describe('access', () => {
  // The links the operator's organizations page offers: each must be served.
  const paths = REGISTRY_EXPORTS.flatMap((n) =>
    EXPORT_FORMATS.map((f) => endpoints[EXPORT_FILES[n][f]].path),
  );
  it('the web page links all six exports, and OpenAPI declares each as a file download', async () => {
    expect(paths).toHaveLength(6);
    const doc = (await t.request('GET', '/api/openapi.json')).json();
    for (const path of paths) {
      const ok = doc.paths[path]?.get?.responses?.['200'];
      expect(Object.keys(ok?.content ?? {})).toEqual([
        path.endsWith('.csv')
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ]);
    }
  });
  it('anonymous → 401 and others → 403 (problem+json, nothing audited); the operator → 200 on all six', async () => {
    const before = await auditCount();
    const representative = await buildUser(t.db, {
      role: 'org_representative',
      scopeId: (await buildOrganization(t.db)).id,
    });
    const volunteer = await login(t, (await buildUser(t.db, { role: 'volunteer' })).email);
    const repCookie = await login(t, representative.email);
    for (const path of paths) {
      const anonymous = await t.request('GET', path);
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await t.request('GET', path, { cookie: volunteer })).statusCode).toBe(403);
      const forbidden = await t.request('GET', path, { cookie: repCookie });
      expect(forbidden.statusCode).toBe(403);
      expect(forbidden.json().code).toBe('forbidden');
    }
    expect(await auditCount()).toBe(before);
    for (const path of paths) {
      const res = await t.request('GET', path, { cookie: adminCookie });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const [, name, format] = /\/(\w+)\.(csv|xlsx)$/.exec(path) as string[];
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="dobroset-${name}-2026-11-25.${format}"`,
      );
      expect(res.headers['content-type']).toBe(
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
    }
    expect(await auditCount()).toBe(before + 6);
  });
});

describe('CSV', () => {
  it('centres: BOM, `;`, CRLF, Russian header, every status, Cyrillic intact, да/нет, ISO dates', async () => {
    const res = await t.request('GET', '/api/exports/centers.csv', { cookie: adminCookie });
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = csvOf(res.rawPayload);
    expect(res.payload.split('\r\n')).toHaveLength(records.length + 1);
    expect(records[0]).toEqual([
      'Название',
      'Статус',
      'Организация',
      'ИНН организации',
      'ОГРН организации',
      'Организация-заглушка',
      'Муниципалитет',
      'Тип муниципалитета',
      'Адрес',
      'Дата открытия',
      'Демо',
    ]);
    const byName = new Map(records.slice(1).map((r) => [r[0], r]));
    expect(byName.get('Добро.Центр «Ёлка»')).toEqual([
      'Добро.Центр «Ёлка»',
      'приостановлен',
      'Библиотека имени Ф. М. Достоевского',
      INN,
      '1024200000000',
      'да',
      'Кемеровский городской округ',
      'городской округ',
      '',
      '2023-09-01',
      'да',
    ]);
    expect(byName.get('Закрытый центр')).toMatchObject({
      1: 'закрыт',
      2: `'${HOSTILE}`,
      5: 'нет',
      7: 'муниципальный округ',
      9: '',
      10: 'нет',
    });
  });

  it('organizations: formula injection neutralised, `;` in a value quoted, representatives, local dates', async () => {
    const res = await t.request('GET', '/api/exports/organizations.csv', { cookie: adminCookie });
    expect(res.payload).toContain(`"'=HYPERLINK(""http://example.com"",""Жми"")"`);
    expect(res.payload).toContain('"г. Кемерово; ул. Весенняя, 1"');
    const [header, ...rows] = csvOf(res.rawPayload);
    const column = (name: string) => (header as string[]).indexOf(name);
    const library = rows.find((r) => r[0] === 'Библиотека имени Ф. М. Достоевского') as string[];
    expect(library[column('Тип')]).toBe('Культура');
    expect(library[column('Вид')]).toBe('Библиотека');
    expect(library[column('ИНН')]).toBe(INN);
    expect(library[column('Телефон')]).toBe("'+7 (3842) 00-00-00");
    expect(library[column('Заглушка')]).toBe('да');
    expect(library[column('Представителей')]).toBe('2');
    expect(library[column('Зарегистрирована')]).toBe('2025-04-01');
    const hostile = rows.find((r) => r[0]?.includes('HYPERLINK')) as string[];
    expect(hostile[0]).toBe(`'${HOSTILE}`);
    expect(hostile[column('Представителей')]).toBe('0');
  });

  it("applications: organization, INN, municipality, the operator's stage name, dates", async () => {
    const res = await t.request('GET', '/api/exports/applications.csv', { cookie: adminCookie });
    expect(csvOf(res.rawPayload)).toEqual([
      [
        'Организация',
        'ИНН',
        'Муниципалитет',
        'Название центра',
        'Этап',
        'На этапе с',
        'Подана',
        'Ожидаемое открытие',
        'Демо',
      ],
      [
        'Библиотека имени Ф. М. Достоевского',
        INN,
        'Ижморский муниципальный округ',
        'Добро.Центр Ижморки',
        'Лицензионный договор (финальный этап документов)',
        '2023-08-28',
        '2023-05-10',
        '2024-03-01',
        'нет',
      ],
    ]);
  });
});

describe('XLSX', () => {
  it('centres: Russian sheet, bold frozen header with a filter, INN as text, a real date', async () => {
    const res = await t.request('GET', '/api/exports/centers.xlsx', { cookie: adminCookie });
    const sheet = (await xlsxOf(res.rawPayload)).getWorksheet('Добро.Центры');
    if (!sheet) throw new Error('no sheet named Добро.Центры');
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Название', 'Статус', 'Организация']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:K1');
    let found = 0;
    sheet.eachRow((row) => {
      if (row.getCell(1).value !== 'Добро.Центр «Ёлка»') return;
      found += 1;
      expect(row.getCell(4).value).toBe(INN);
      expect(row.getCell(4).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(10).value).toEqual(new Date(Date.UTC(2023, 8, 1)));
      expect(row.getCell(11).value).toBe('да');
    });
    expect(found).toBe(1);
  });
});

describe('a whole region', () => {
  it('more than 1,000 organizations are exported in full, and each download is audited with its row count', async () => {
    const municipality = await buildMunicipality(t.db, { regionId });
    await t.db
      .insertInto('organizations')
      .values(
        Array.from({ length: 1100 }, (_, i) => ({
          region_id: regionId,
          municipality_id: municipality.id,
          name: `Школа № ${i + 1}`,
          kind: 'education' as const,
        })),
      )
      .execute();
    const total = (
      await t.db
        .selectFrom('organizations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('region_id', '=', regionId)
        .executeTakeFirstOrThrow()
    ).n;
    expect(Number(total)).toBeGreaterThan(1100);

    const csv = await t.request('GET', '/api/exports/organizations.csv', { cookie: adminCookie });
    const records = csvOf(csv.rawPayload);
    expect(records).toHaveLength(Number(total) + 1);
    expect(records.filter((r) => r[0]?.startsWith('Школа № '))).toHaveLength(1100);

    const xlsx = await t.request('GET', '/api/exports/organizations.xlsx', { cookie: adminCookie });
    const sheet = (await xlsxOf(xlsx.rawPayload)).getWorksheet('Организации');
    expect(sheet?.rowCount).toBe(Number(total) + 1);

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['actor_id', 'entity', 'entity_id', 'data', 'request_id'])
      .where('action', '=', 'export.downloaded')
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(audit.map((a) => a.data)).toEqual([
      { export: 'organizations', format: 'xlsx', rows: Number(total) },
      { export: 'organizations', format: 'csv', rows: Number(total) },
    ]);
    expect(audit[0]).toMatchObject({ actor_id: adminId, entity: 'registry', entity_id: regionId });
    expect(audit[1]?.request_id).toBe(csv.headers['x-request-id']);
  });
});
