/** Who may download the registry exports. */
import { type Actor, holds } from '../../platform/auth/actor.js';

/**
 * The exports are an operator tool (bulk contacts and identifiers of every organization): only the
 * regional admin of the region may download them.
 */
export const canExportRegistry = (actor: Actor, region: { id: string }) =>
  holds(actor, 'regional_admin', { regionId: region.id });
