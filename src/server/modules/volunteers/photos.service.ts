/**
 * The optional profile photo: JPEG or PNG (decided by the bytes), kept in the file store under a fresh
 * key on every upload, the previous file removed once the new one is saved. Who sees it follows the
 * profile's rules: the volunteer, coordinators of the volunteer's centres, and other coordinators only
 * when the volunteer chose to show `photo`. Never public.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditWriter } from '../../platform/audit/audit.js';
import { type Actor, requireUser } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { FileStore } from '../../platform/storage/file-store.js';
import { fileEmpty, fileIssue, fileTooLarge, sniffImageType } from '../../platform/storage/uploads.js';
import type { ProfilesService } from './profiles.service.js';
import { profileAccess } from './volunteers.policy.js';
import type { VolunteersRepo } from './volunteers.repo.js';

/** A photo is small: at most 5 MB, or less when UPLOAD_MAX_MB is lower. */
export const PHOTO_MAX_BYTES = 5 * 1_048_576;

export function createPhotosService(deps: {
  db: Kysely<Database>;
  repo: VolunteersRepo;
  clock: Clock;
  audit: AuditWriter;
  store: FileStore;
  profiles: ProfilesService;
  uploadMaxBytes: number;
}) {
  const { db, repo, clock, audit, store, profiles } = deps;
  const maxBytes = Math.min(deps.uploadMaxBytes, PHOTO_MAX_BYTES);

  /** Drops a file no row points at any more; a failure leaves an orphan file, never a broken profile. */
  const discard = async (key: string | null | undefined) => {
    if (!key) return;
    try {
      await store.delete(key);
    } catch {
      // An orphan file is harmless: nothing references it, and backups copy referenced files only.
    }
  };

  async function change(actor: Actor, photo: { key: string; type: 'image/jpeg' | 'image/png' } | null) {
    const user = requireUser(actor);
    let previous: string | null = null;
    await db.transaction().execute(async (trx) => {
      const before = await repo.lockProfile(user.userId, trx);
      previous = before.photo_key;
      await repo.setPhoto(user.userId, photo, clock.now(), trx);
      await audit.record(trx, {
        actorId: user.userId,
        action: photo ? 'volunteer.photo_updated' : 'volunteer.photo_removed',
        target: 'volunteer_profile',
        targetId: user.userId,
        data: photo ? { type: photo.type } : {},
      });
    });
    if (previous !== photo?.key) await discard(previous);
  }

  return {
    maxBytes,

    /** Replaces the own photo. 400 empty, 413 over the limit, 415 anything but JPEG/PNG by its bytes. */
    async upload(actor: Actor, bytes: Buffer) {
      const user = requireUser(actor);
      if (bytes.length === 0) throw fileEmpty();
      if (bytes.length > maxBytes) throw fileTooLarge(maxBytes);
      const type = await sniffImageType(bytes);
      if (!type) {
        throw new AppError(
          'unsupported_photo_type',
          415,
          'Only JPEG and PNG photos are accepted.',
          fileIssue('unsupported_photo_type', 'Only JPEG and PNG photos are accepted.'),
        );
      }
      const key = `volunteer-photos/${user.userId}/${randomUUID()}`;
      await store.put(key, bytes);
      try {
        await change(actor, { key, type });
      } catch (error) {
        await discard(key);
        throw error;
      }
      return profiles.mine(actor);
    },

    async remove(actor: Actor) {
      await change(actor, null);
      return profiles.mine(actor);
    },

    /** The photo bytes for one viewer, or 404 (no photo, or the viewer may not see it). */
    async download(actor: Actor, userId: string) {
      requireUser(actor);
      const [profile, centerIds] = await Promise.all([repo.profile(userId), repo.centersOf(userId)]);
      const access = profileAccess(actor, { userId, centerIds });
      const visible =
        access === 'self' ||
        access === 'own_center' ||
        (access === 'other_center' && !!profile?.visible_fields.includes('photo'));
      if (!profile?.photo_key || !profile.photo_type || !visible) throw notFound('photo');
      const body = await store.get(profile.photo_key);
      if (!body) throw notFound('photo');
      return { body, contentType: profile.photo_type };
    },
  };
}
export type PhotosService = ReturnType<typeof createPhotosService>;
