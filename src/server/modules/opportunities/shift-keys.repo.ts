/**
 * A shift's check-in key (`shifts.checkin_key`), for the module that runs check-in (signups): the secret
 * its QR codes and short codes are signed with. Only the opportunities module writes `shifts`; the caller
 * passes its transaction (or the database handle for a plain read).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

const current = async (trx: Db, shiftId: string) =>
  (await trx.selectFrom('shifts').select('checkin_key').where('id', '=', shiftId).executeTakeFirst())
    ?.checkin_key ?? null;

export function createShiftCheckinKeys() {
  return {
    /** The key in force, or null before first use. */
    current,

    /** Sets the key unless one exists (two first uses at once agree on one key); returns the key in force. */
    async ensure(trx: Db, shiftId: string, fresh: string): Promise<string> {
      await trx
        .updateTable('shifts')
        .set({ checkin_key: fresh })
        .where('id', '=', shiftId)
        .where('checkin_key', 'is', null)
        .execute();
      return (await current(trx, shiftId)) as string;
    },

    /** Replaces the key: every code signed with the old one stops working. */
    async replace(trx: Db, shiftId: string, key: string): Promise<void> {
      await trx.updateTable('shifts').set({ checkin_key: key }).where('id', '=', shiftId).execute();
    },
  };
}
export type ShiftCheckinKeys = ReturnType<typeof createShiftCheckinKeys>;
