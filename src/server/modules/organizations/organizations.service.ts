/**
 * The organization registry: organizations with validated legal identifiers (INN/OGRN check digits),
 * one organization per INN. Their representatives (role org_representative scoped to it), invited by
 * e-mail address and added only by accepting, live in organizations.representatives.ts; this service
 * offers both as one surface.
 */
import type { Kysely } from 'kysely';
import type {
  CreateOrganizationBody,
  Organization,
  UpdateOrganizationBody,
} from '../../../shared/contracts/organizations.js';
import { identifiersMatch, isValidInn, isValidOgrn } from '../../../shared/identifiers.js';
import { subkindBelongs } from '../../../shared/organization-kinds.js';
import { localDay } from '../../../shared/time-zone.js';
import type { AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, authorize, holds, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { beginEdit } from '../../platform/db/versions.js';
import { conflict, type FieldIssue, invalid, notFound } from '../../platform/errors.js';
import type { IfMatch } from '../../platform/http/etag.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { normalizeEmail, type RoleGrants } from '../accounts/index.js';
import type { NetworkService } from '../network/index.js';
import type { NotificationsService } from '../notifications/index.js';
import {
  canManageOrganization,
  canRegisterOrganization,
  canSeeRegistry,
  representedOrganizations,
} from './organizations.policy.js';
import { toOrganizationView } from './organizations.presenter.js';
import type { OrganizationFilter, OrganizationsRepo } from './organizations.repo.js';
import {
  createRepresentativesService,
  type OrganizationAudit,
  representative,
} from './organizations.representatives.js';

export { INVITATION_TTL_MS } from './organizations.representatives.js';

type Fields = Partial<Omit<CreateOrganizationBody, 'subkind'>> & { subkind?: string | null };
const clean = (s: string | null | undefined) =>
  s === undefined ? undefined : s === null ? null : s.normalize('NFC').trim().replace(/\s+/g, ' ') || null;

export function createOrganizationsService(deps: {
  db: Kysely<Database>;
  repo: OrganizationsRepo;
  network: NetworkService;
  clock: Clock;
  audit: AuditWriter;
  /** Invitations to represent an organization go out by mail (absent in tools that invite nobody). */
  mailer?: Mailer;
  publicUrl?: string;
  /** In-app notices about invitations (absent in tools that invite nobody). */
  notifications?: NotificationsService;
  /** Representatives get and lose their role through the accounts module. */
  roles: RoleGrants;
}) {
  const { db, repo, network, clock, roles } = deps;

  async function view(id: string, trx: Kysely<Database> = db): Promise<Organization> {
    const row = await repo.findById(id, trx);
    if (!row) throw notFound('organization');
    return toOrganizationView(row, await repo.representatives([id], trx), await repo.invitations([id], trx));
  }

  /** Field-level checks that need no database, plus the municipality and the INN duplicate check. */
  async function validate(
    trx: Kysely<Database>,
    regionId: string,
    timeZone: string,
    f: Fields,
    selfId: string | null,
  ) {
    const errors: FieldIssue[] = [];
    if (f.name !== undefined && !clean(f.name))
      errors.push({ field: 'name', code: 'required', message: 'Fill in the name.' });
    if (f.inn && !isValidInn(f.inn))
      errors.push({ field: 'inn', code: 'inn_checksum', message: 'The INN check digits do not match.' });
    if (f.ogrn && !isValidOgrn(f.ogrn))
      errors.push({ field: 'ogrn', code: 'ogrn_checksum', message: 'The OGRN check digit does not match.' });
    if (f.inn && f.ogrn && isValidInn(f.inn) && isValidOgrn(f.ogrn) && !identifiersMatch(f.inn, f.ogrn)) {
      errors.push({
        field: 'ogrn',
        code: 'ogrn_inn_mismatch',
        message: 'A 10-digit INN goes with a 13-digit OGRN, a 12-digit one with 15.',
      });
    }
    if (f.kind && f.subkind && !subkindBelongs(f.kind, f.subkind)) {
      errors.push({
        field: 'subkind',
        code: 'subkind_mismatch',
        message: 'This subkind does not belong to the kind.',
      });
    }
    if (
      f.municipalityId &&
      !(await repo.municipalityInForce(f.municipalityId, regionId, localDay(clock.now(), timeZone), trx))
    ) {
      errors.push({
        field: 'municipalityId',
        code: 'municipality_not_in_force',
        message: 'No such municipality in force in the region.',
      });
    }
    if (errors.length) throw invalid('validation_failed', 'Please check the organization data.', errors);
    if (f.inn) {
      const existing = await repo.findByInn(f.inn, trx);
      if (existing && existing.id !== selfId) throw duplicate(existing);
    }
  }

  const duplicate = (existing: { id: string; name: string }) =>
    conflict('inn_taken', `An organization with this INN is already registered: ${existing.name}.`, [
      {
        field: 'inn',
        code: 'inn_taken',
        message: `Already registered: ${existing.name}.`,
        params: { name: existing.name },
      },
    ]);

  /** The unique index decides races between two registrations of one INN. */
  const onUniqueViolation = (inn: string | null | undefined) => async (error: unknown) => {
    if ((error as { code?: string }).code === '23505' && inn) {
      const existing = await repo.findByInn(inn);
      if (existing) throw duplicate(existing);
    }
    throw error;
  };

  const audit: OrganizationAudit = (trx, actor, action, id, data) =>
    deps.audit.record(trx, {
      actorId: actor.kind === 'user' ? actor.userId : null,
      action,
      target: 'organization',
      targetId: id,
      data,
    });

  const representatives = createRepresentativesService({ ...deps, view: (id) => view(id), audit });

  return {
    view,
    ...representatives,

    async list(
      actor: Actor,
      filter: Omit<OrganizationFilter, 'onlyIds'>,
      page: { limit: number; offset: number },
    ) {
      requireUser(actor);
      const region = await network.currentRegion();
      const f: OrganizationFilter = canSeeRegistry(actor, region)
        ? filter
        : { ...filter, onlyIds: representedOrganizations(actor) };
      const [rows, total] = await Promise.all([repo.list(region.id, f, page), repo.count(region.id, f)]);
      const ids = rows.map((r) => r.id);
      const [reps, invitations] = await Promise.all([repo.representatives(ids), repo.invitations(ids)]);
      return { items: rows.map((r) => toOrganizationView(r, reps, invitations)), total };
    },

    async get(actor: Actor, id: string) {
      requireUser(actor);
      const row = await repo.findById(id);
      authorize(row !== undefined && canManageOrganization(actor, row), { hide: true, what: 'organization' });
      return view(id);
    },

    async checkInn(inn: string) {
      if (!isValidInn(inn)) return { valid: false, duplicateOf: null };
      const existing = await repo.findByInn(inn);
      return { valid: true, duplicateOf: existing ? { id: existing.id, name: existing.name } : null };
    },

    async create(actor: Actor, body: CreateOrganizationBody) {
      const user = requireUser(actor);
      authorize(canRegisterOrganization(actor));
      const region = await network.currentRegion();
      const isOperator = holds(actor, 'regional_admin', { regionId: region.id });
      const id = await db
        .transaction()
        .execute(async (trx) => {
          await validate(trx, region.id, region.timezone, body, null);
          const now = clock.now();
          const row = await repo.insert(
            {
              region_id: region.id,
              municipality_id: body.municipalityId,
              name: clean(body.name) as string,
              kind: body.kind,
              subkind: body.subkind ?? null,
              inn: body.inn ?? null,
              ogrn: body.ogrn ?? null,
              address: clean(body.address) ?? null,
              phone: clean(body.phone) ?? null,
              email: body.email ? normalizeEmail(body.email) : null,
              website: body.website ?? null,
              created_at: now,
              updated_at: now,
            },
            trx,
          );
          if (!isOperator) await roles.grant(trx, [representative(row.id, user.userId)], user.userId);
          await audit(trx, actor, 'organization.created', row.id, { name: body.name, inn: body.inn ?? null });
          return row.id;
        })
        .catch(onUniqueViolation(body.inn));
      return view(id);
    },

    async update(actor: Actor, id: string, patch: UpdateOrganizationBody, ifMatch?: IfMatch) {
      requireUser(actor);
      const region = await network.currentRegion();
      await db
        .transaction()
        .execute(async (trx) => {
          const current = await repo.lock(id, trx);
          authorize(current !== undefined && canManageOrganization(actor, current), {
            hide: true,
            what: 'organization',
          });
          await beginEdit(trx, 'organizations', { value: id }, ifMatch, 'organization');
          const existing = (await repo.findById(id, trx)) as NonNullable<
            Awaited<ReturnType<OrganizationsRepo['findById']>>
          >;
          // Cross-field rules see the record as it will be after the patch.
          const merged: Fields = {
            kind: patch.kind ?? existing.kind,
            subkind: patch.subkind === undefined ? existing.subkind : patch.subkind,
            inn: patch.inn === undefined ? existing.inn : patch.inn,
            ogrn: patch.ogrn === undefined ? existing.ogrn : patch.ogrn,
            name: patch.name,
            municipalityId: patch.municipalityId,
          };
          await validate(trx, region.id, region.timezone, merged, id);
          const name = patch.name === undefined ? undefined : (clean(patch.name) as string);
          await repo.update(
            id,
            {
              ...(name !== undefined
                ? { name, is_placeholder: existing.is_placeholder && name === existing.name }
                : {}),
              ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
              ...(patch.subkind !== undefined ? { subkind: patch.subkind } : {}),
              ...(patch.inn !== undefined ? { inn: patch.inn } : {}),
              ...(patch.ogrn !== undefined ? { ogrn: patch.ogrn } : {}),
              ...(patch.municipalityId !== undefined ? { municipality_id: patch.municipalityId } : {}),
              ...(patch.address !== undefined ? { address: clean(patch.address) ?? null } : {}),
              ...(patch.phone !== undefined ? { phone: clean(patch.phone) ?? null } : {}),
              ...(patch.email !== undefined
                ? { email: patch.email ? normalizeEmail(patch.email) : null }
                : {}),
              ...(patch.website !== undefined ? { website: patch.website } : {}),
              updated_at: clock.now(),
            },
            trx,
          );
          await audit(trx, actor, 'organization.updated', id, { fields: Object.keys(patch) });
        })
        .catch(onUniqueViolation(patch.inn));
      return view(id);
    },
  };
}
export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
