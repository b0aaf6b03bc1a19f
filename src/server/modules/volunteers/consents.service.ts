/**
 * Consents per purpose (152-FZ, from 1 Sep 2025): each purpose a separate document, given explicitly
 * for its current version, recorded with time, IP and user agent, withdrawable at any time. A guardian's
 * consent for a minor is a `guardian_consent` record with the guardian's name and contact.
 */
import type { Kysely } from 'kysely';
import { isMinorOn } from '../../../shared/age.js';
import type { ConsentPurpose, GiveConsentBody } from '../../../shared/contracts/volunteers.js';
import { LIMITS } from '../../../shared/limits.js';
import { localDay } from '../../../shared/time-zone.js';
import type { AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict, type FieldIssue, invalid } from '../../platform/errors.js';
import type { ConsentRecords } from '../accounts/index.js';
import {
  type AfterConsentCommit,
  type ConsentChangeListener,
  ignoreConsentChanges,
} from './consent-changes.js';
import { eligibility } from './consent-rules.js';
import { toConsentViews } from './volunteers.presenter.js';
import type { VolunteersRepo } from './volunteers.repo.js';

export type Client = { ip: string | null; userAgent: string | null };
const NAME = /^[\p{L}\p{M}]+(?:[ '’.-]+[\p{L}\p{M}]+)*$/u;

export function createConsentsService(deps: {
  db: Kysely<Database>;
  repo: VolunteersRepo;
  /** Records, locks and withdraws consent rows (the accounts module owns `consents`). */
  records: ConsentRecords;
  clock: Clock;
  audit: AuditWriter;
  /** The region's time zone: whether someone is a minor changes on the region's date. */
  timeZone: () => Promise<string>;
  /** Told when a consent is withdrawn (the signups module cancels future places); nobody by default. */
  consentChanges?: ConsentChangeListener;
}) {
  const { db, repo, records, clock, audit } = deps;
  const consentChanges = deps.consentChanges ?? ignoreConsentChanges;

  async function list(userId: string) {
    const now = clock.now();
    const [documents, records, profile] = await Promise.all([
      repo.currentDocuments(now),
      repo.consentRecords(userId),
      repo.profile(userId),
    ]);
    const today = localDay(now, await deps.timeZone());
    const birthDate = profile?.birth_date ?? null;
    return {
      items: toConsentViews(documents, records),
      isMinor: birthDate ? isMinorOn(birthDate, today) : false,
      eligibility: eligibility({ birthDate, today, documents, records }),
    };
  }

  return {
    async mine(actor: Actor) {
      return list(requireUser(actor).userId);
    },

    async give(actor: Actor, body: GiveConsentBody, client: Client) {
      const user = requireUser(actor);
      if (body.agreed !== true) {
        throw invalid('consent_not_agreed', 'Tick the box to give this consent.', [
          { field: 'agreed', code: 'consent_not_agreed', message: 'A consent must be given explicitly.' },
        ]);
      }
      const now = clock.now();
      const current = (await repo.currentDocuments(now)).find((d) => d.purpose === body.purpose);
      if (!current) {
        throw invalid('consent_document_missing', 'There is no document for this purpose yet.', [
          { field: 'purpose', code: 'consent_document_missing', message: 'No document for this purpose.' },
        ]);
      }
      if (current.version !== body.version) {
        throw conflict('consent_version_outdated', 'The consent text has changed.', [
          {
            field: 'version',
            code: 'consent_version_outdated',
            message: 'Read the current text and give consent again.',
            params: { version: current.version },
          },
        ]);
      }
      const guardian = body.purpose === 'guardian_consent' ? checkGuardian(body.guardian) : null;
      await db.transaction().execute(async (trx) => {
        const live = await records.lockLive(trx, user.userId, body.purpose);
        if (live.some((c) => c.version === body.version) && body.purpose !== 'guardian_consent') return;
        const id = await records.give(trx, {
          userId: user.userId,
          purpose: body.purpose,
          version: body.version,
          givenAt: now,
          ip: client.ip,
          userAgent: client.userAgent?.slice(0, LIMITS.userAgent.max) ?? null,
        });
        if (guardian) await repo.insertGuardian({ consent_id: id, ...guardian }, trx);
        // A guardian's new statement replaces the previous one (one live guardian record at a time).
        if (guardian)
          await records.withdraw(
            trx,
            live.map((c) => c.id),
            now,
          );
        await audit.record(trx, {
          at: now,
          actorId: user.userId,
          action: 'consent.given',
          target: 'consent',
          targetId: id,
          data: { purpose: body.purpose, version: body.version },
        });
      });
      return list(user.userId);
    },

    /**
     * Withdraws every live record of the purpose. Withdrawing what was never given is a no-op. What
     * follows (future signups cancelled for `volunteering` and, for a minor, `guardian_consent`) runs in
     * the same transaction through the `consentChanges` port; its mail goes out after the commit.
     */
    async withdraw(actor: Actor, purpose: ConsentPurpose) {
      const user = requireUser(actor);
      const now = clock.now();
      const after: AfterConsentCommit[] = [];
      await db.transaction().execute(async (trx) => {
        const live = await records.lockLive(trx, user.userId, purpose);
        if (live.length === 0) return;
        await records.withdraw(
          trx,
          live.map((c) => c.id),
          now,
        );
        await audit.record(trx, {
          at: now,
          actorId: user.userId,
          action: 'consent.withdrawn',
          target: 'consent',
          targetId: live[live.length - 1]?.id ?? null,
          data: { purpose, versions: live.map((c) => c.version) },
        });
        after.push(await consentChanges.consentWithdrawn(trx, { userId: user.userId, purpose, at: now }));
      });
      for (const run of after) await run();
      return list(user.userId);
    },
  };
}
export type ConsentsService = ReturnType<typeof createConsentsService>;

function checkGuardian(g: GiveConsentBody['guardian']) {
  const name = g?.name.normalize('NFC').replace(/\s+/g, ' ').trim() ?? '';
  const contact = g?.contact.trim() ?? '';
  const errors: FieldIssue[] = [];
  if (!name || !NAME.test(name)) {
    errors.push({
      field: 'guardian/name',
      code: 'invalid_person_name',
      message: "Enter the guardian's full name.",
    });
  }
  if (contact.length < 5) {
    errors.push({
      field: 'guardian/contact',
      code: 'guardian_contact_required',
      message: "Enter the guardian's phone or email.",
    });
  }
  if (!g || errors.length) {
    throw invalid('guardian_details_required', "Enter the guardian's details.", errors);
  }
  return { guardian_name: name, guardian_contact: contact, relation: g.relation };
}
