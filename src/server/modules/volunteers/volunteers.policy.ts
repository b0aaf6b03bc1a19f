/** Who may see a volunteer's profile and who manages a squad. Pure functions over the actor's grants. */
import { type Actor, holds } from '../../platform/auth/actor.js';

/**
 * The centres a volunteer belongs to BY THEIR OWN ACT: the home centre they chose and the centres of
 * squads they joined themselves (request, code, an accepted invitation). Nothing someone else does — a
 * coordinator naming them leader, say — adds a centre here, so it never opens their card.
 */
export type VolunteerTies = { userId: string; centerIds: string[] };

export type ProfileAccess = 'self' | 'own_center' | 'other_center' | 'none';

/**
 * Coordinators of a centre the volunteer belongs to see the working profile; coordinators of any other
 * centre and regional operators see only what the volunteer chose to show; everyone else nothing.
 */
export function profileAccess(actor: Actor, ties: VolunteerTies): ProfileAccess {
  if (actor.kind !== 'user') return 'none';
  if (actor.userId === ties.userId) return 'self';
  if (ties.centerIds.some((centerId) => holds(actor, 'center_coordinator', { centerId })))
    return 'own_center';
  const coordinatesAnywhere = actor.grants.some(
    (g) => g.role === 'center_coordinator' || g.role === 'regional_admin',
  );
  return coordinatesAnywhere ? 'other_center' : 'none';
}

type SquadScope = { id: string; center_id: string };

/** A squad is managed by its leader(s) and the coordinators of its centre. */
export const canManageSquad = (actor: Actor, squad: SquadScope) =>
  holds(actor, 'squad_leader', { squadId: squad.id }) ||
  holds(actor, 'center_coordinator', { centerId: squad.center_id });

/** Creating a squad and naming its leader belong to the centre's coordinators. */
export const canCreateSquad = (actor: Actor, centerId: string) =>
  holds(actor, 'center_coordinator', { centerId });

export const canAssignSquadLeader = (actor: Actor, squad: SquadScope) =>
  canCreateSquad(actor, squad.center_id);
