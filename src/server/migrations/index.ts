/** The ordered list of migrations. Add a file `NNNN_name.ts` with `up`/`down` and list it here. */
import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_organizations_and_municipal_changes.js';
import * as m0003 from './0003_center_status_history.js';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_organizations_and_municipal_changes': m0002,
  '0003_center_status_history': m0003,
};
