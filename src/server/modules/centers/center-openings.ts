/**
 * Opening a centre, for the module that decides it (a «Добро.Центр» application reaching its last stage):
 * inside the caller's transaction the centre is created `active` and its first status event is recorded.
 * Only the centers module writes `centers` and `center_status_events`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { CentersRepo } from './centers.repo.js';

export type NewCenter = {
  organizationId: string;
  municipalityId: string;
  name: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  /** The opening day, 'YYYY-MM-DD' in the region's time zone. */
  openedOn: string;
  services: string[];
};

export function createCenterOpenings(repo: CentersRepo) {
  return {
    /** Creates the active centre and its status history's first row; returns the centre's id. */
    async open(
      trx: Kysely<Database>,
      center: NewCenter,
      by: { actorId: string; at: Date; comment: string },
    ): Promise<string> {
      const { id } = await repo.insertCenter(
        {
          organization_id: center.organizationId,
          municipality_id: center.municipalityId,
          name: center.name,
          status: 'active',
          address: center.address,
          lat: center.lat,
          lon: center.lon,
          opened_on: center.openedOn,
          services: center.services,
        },
        trx,
      );
      await repo.insertEvent(
        {
          center_id: id,
          from_status: null,
          to_status: 'active',
          comment: by.comment,
          actor_id: by.actorId,
          at: by.at,
        },
        trx,
      );
      return id;
    },
  };
}
export type CenterOpenings = ReturnType<typeof createCenterOpenings>;
