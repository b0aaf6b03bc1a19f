/** Permissions on the network's reference data, as pure functions of (actor, resource). */
import { type Actor, holds } from '../../platform/auth/actor.js';

/** Changes of the municipal structure are recorded by the region's operator only. */
export const canRecordMunicipalChange = (actor: Actor, region: { id: string }) =>
  holds(actor, 'regional_admin', { regionId: region.id });
