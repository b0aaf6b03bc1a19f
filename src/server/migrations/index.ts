/**
 * The ordered list of migrations. Add a file `NNNN_name.ts` with `up`/`down` and list it here. Names sort in
 * order; a number may be skipped (0014 was reserved and never used), never reused.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_organizations_and_municipal_changes.js';
import * as m0003 from './0003_center_status_history.js';
import * as m0004 from './0004_center_profiles_and_service_kinds.js';
import * as m0005 from './0005_status_applications.js';
import * as m0006 from './0006_center_work_log_and_monitoring.js';
import * as m0007 from './0007_rollout_plan_history.js';
import * as m0008 from './0008_municipality_shapes.js';
import * as m0009 from './0009_opportunities_and_shifts.js';
import * as m0010 from './0010_opportunity_details.js';
import * as m0011 from './0011_signups.js';
import * as m0012 from './0012_volunteer_profiles_and_squads.js';
import * as m0013 from './0013_checkin_reminders_photos.js';
import * as m0015 from './0015_shift_sequence_and_invitations.js';
import * as m0016 from './0016_security_hardening.js';
import * as m0017 from './0017_idempotency_and_versions.js';
import * as m0018 from './0018_swap_offers_by_address.js';
import * as m0019 from './0019_squad_rejoin_approval.js';
import * as m0020 from './0020_clear_unsafe_links.js';
import * as m0021 from './0021_search_rollups.js';
import * as m0022 from './0022_public_counters.js';
import * as m0023 from './0023_role_scope_index.js';
import * as m0024 from './0024_rollups_without_places.js';
import * as m0025 from './0025_network_history_version.js';
import * as m0026 from './0026_rollup_search_vector.js';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_organizations_and_municipal_changes': m0002,
  '0003_center_status_history': m0003,
  '0004_center_profiles_and_service_kinds': m0004,
  '0005_status_applications': m0005,
  '0006_center_work_log_and_monitoring': m0006,
  '0007_rollout_plan_history': m0007,
  '0008_municipality_shapes': m0008,
  '0009_opportunities_and_shifts': m0009,
  '0010_opportunity_details': m0010,
  '0011_signups': m0011,
  '0012_volunteer_profiles_and_squads': m0012,
  '0013_checkin_reminders_photos': m0013,
  '0015_shift_sequence_and_invitations': m0015,
  '0016_security_hardening': m0016,
  '0017_idempotency_and_versions': m0017,
  '0018_swap_offers_by_address': m0018,
  '0019_squad_rejoin_approval': m0019,
  '0020_clear_unsafe_links': m0020,
  '0021_search_rollups': m0021,
  '0022_public_counters': m0022,
  '0023_role_scope_index': m0023,
  '0024_rollups_without_places': m0024,
  '0025_network_history_version': m0025,
  '0026_rollup_search_vector': m0026,
};
