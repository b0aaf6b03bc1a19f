/**
 * Test fixtures for the applications tests: a platform with a temporary upload directory and the default
 * stages and checklist, people on both sides, and tiny valid (and invalid) files built in memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { seedApplicationDefaults } from '../../src/server/modules/applications/index.js';
import type { Database } from '../../src/server/platform/db/schema.js';
import { seedServiceKinds } from '../../src/server/seed/service-kinds.js';

/* The test files pass the platform and the factories in (`t`, `f`). */

type Request = (
  method: InjectOptions['method'],
  url: string,
  opts?: { body?: unknown; cookie?: string | null; headers?: Record<string, string>; csrf?: boolean },
) => Promise<LightMyRequestResponse>;
export type Platform = { db: Kysely<Database>; request: Request };
type Row = { id: string };
export type Factories = {
  buildRegion(db: Kysely<Database>): Promise<Row>;
  buildMunicipality(db: Kysely<Database>, over: { regionId: string; name_ru?: string }): Promise<Row>;
  buildOrganization(db: Kysely<Database>, over: { municipalityId: string; name?: string }): Promise<Row>;
  buildUser(
    db: Kysely<Database>,
    over: {
      role?: Database['role_assignments']['role'];
      scopeId?: string | null;
      displayName?: string;
      email?: string;
    },
  ): Promise<Row & { email: string }>;
  TEST_PASSWORD: string;
  sessionCookie(response: { headers: Record<string, unknown> }): string;
};

/** A temporary upload directory for one test file (removed by the returned function). */
export function temporaryUploadDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-uploads-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The default service kinds, stages and checklist, as the seed loads them. */
export async function seedDefaults(db: Kysely<Database>) {
  await seedServiceKinds(db);
  await seedApplicationDefaults(db);
}

export const login = async (t: Platform, f: Factories, email: string) =>
  f.sessionCookie(await t.request('POST', '/api/auth/login', { body: { email, password: f.TEST_PASSWORD } }));

/** A region with a municipality, an organization, its representative, an operator and an outsider. */
export async function buildWorld(t: Platform, f: Factories) {
  const region = await f.buildRegion(t.db);
  const municipality = await f.buildMunicipality(t.db, {
    regionId: region.id,
    name_ru: 'Юргинский городской округ',
  });
  const organization = await f.buildOrganization(t.db, {
    municipalityId: municipality.id,
    name: 'Дом молодёжи «Юрга»',
  });
  const representative = await f.buildUser(t.db, {
    role: 'org_representative',
    scopeId: organization.id,
    displayName: 'Анна Заявитель',
  });
  const operator = await f.buildUser(t.db, {
    role: 'regional_admin',
    scopeId: region.id,
    displayName: 'Олег Оператор',
  });
  const other = await f.buildOrganization(t.db, {
    municipalityId: municipality.id,
    name: 'Чужая организация',
  });
  const outsider = await f.buildUser(t.db, { role: 'org_representative', scopeId: other.id });
  return {
    region,
    municipality,
    organization,
    other,
    representative,
    operator,
    outsider,
    cookies: {
      representative: await login(t, f, representative.email),
      operator: await login(t, f, operator.email),
      outsider: await login(t, f, outsider.email),
    },
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

export const completeDraft = (w: World) => ({
  organizationId: w.organization.id,
  municipalityId: w.municipality.id,
  proposedName: 'Добро.Центр Юрги',
  premises: {
    address: 'г. Юрга, ул. Московская, 1',
    description: 'Два зала, 120 м²',
    lat: 55.71,
    lon: 84.93,
  },
  services: ['consultations', 'volunteer_support'],
  head: {
    name: 'Иван Руководитель',
    position: 'Директор',
    phone: '+7 900 000-00-00',
    email: 'head@example.ru',
  },
  coordinators: [{ name: 'Мария Координатор', email: 'coordinator@example.ru', phone: null }],
});

// ——— Files ———

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xd9,
]);
export const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** A Windows executable's header ("MZ" … "PE"), to be renamed to .pdf by the test. */
export const EXE = (() => {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
})();

/** A stored (uncompressed) ZIP with the given entries. */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

export const DOCX = zip({
  '[Content_Types].xml':
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  '_rels/.rels': '<?xml version="1.0"?><Relationships/>',
  'word/document.xml': '<?xml version="1.0"?><w:document/>',
});
export const PLAIN_ZIP = zip({ 'readme.txt': 'not a word document' });

/** Uploads raw bytes the way the web app does. */
export function upload(
  t: Platform,
  cookie: string,
  applicationId: string,
  kind: string,
  name: string,
  bytes: Buffer,
  headers: Record<string, string> = {},
) {
  return t.request(
    'POST',
    `/api/applications/${applicationId}/documents/${kind}?name=${encodeURIComponent(name)}`,
    {
      cookie,
      body: bytes,
      headers: { 'content-type': 'application/octet-stream', ...headers },
    },
  );
}
