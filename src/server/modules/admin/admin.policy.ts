/** Operations permissions. */
import { type Actor, holds } from '../../platform/auth/actor.js';

/** A full backup holds everyone's personal data: only the region's operator may download it. */
export const canDownloadBackup = (actor: Actor, region: { id: string }) =>
  holds(actor, 'regional_admin', { regionId: region.id });
