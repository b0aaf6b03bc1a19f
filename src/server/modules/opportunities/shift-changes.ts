/**
 * The port through which changes of shifts reach whoever cares about them, so this module never imports
 * theirs: the signups module implements it (it tells the people on the shifts and cancels their places)
 * and provides it as the service `shiftChanges`, which this module's manifest `needs`. The default tells
 * nobody.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { OpportunityRow } from './opportunities.repo.js';

type Db = Kysely<Database>;

/** Work left for after the change's transaction has committed (e.g. dispatching the mail it wrote). */
export type AfterCommit = () => Promise<void>;

/**
 * Told about shift changes. Each method runs inside the change's transaction, after the change was written, and
 * returns what to run once that transaction has committed.
 */
export type ShiftChangeListener = {
  /** A shift's start or end moved; `before` holds the old times. */
  shiftTimeChanged(
    trx: Db,
    change: { shiftId: string; before: { startsAt: Date; endsAt: Date }; actorId: string | null },
  ): Promise<AfterCommit>;
  shiftCancelled(trx: Db, change: { shiftId: string; actorId: string | null }): Promise<AfterCommit>;
  /** The opportunity was cancelled: its future shifts are off. */
  opportunityCancelled(
    trx: Db,
    change: { opportunityId: string; actorId: string | null },
  ): Promise<AfterCommit>;
  /** The address, the online flag or the map point of the opportunity changed. */
  placeChanged(trx: Db, change: { opportunityId: string; actorId: string | null }): Promise<AfterCommit>;
};

const nothingAfter: AfterCommit = async () => undefined;
/** The default listener: nobody is told (tests and tools that do not care). */
export const ignoreShiftChanges: ShiftChangeListener = {
  shiftTimeChanged: async () => nothingAfter,
  shiftCancelled: async () => nothingAfter,
  opportunityCancelled: async () => nothingAfter,
  placeChanged: async () => nothingAfter,
};

/** Runs `fn` in a transaction, then what the listener left for after the commit. */
export async function withAfterCommit<T>(
  db: Db,
  fn: (trx: Db, after: AfterCommit[]) => Promise<T>,
): Promise<T> {
  const after: AfterCommit[] = [];
  const result = await db.transaction().execute((trx) => fn(trx, after));
  for (const run of after) await run();
  return result;
}

/** Whether the update moves the opportunity: another address, online flag or map point. */
export const placeMoved = (
  o: Pick<OpportunityRow, 'address' | 'is_online' | 'lat' | 'lon'>,
  c: { address?: string | null; is_online?: boolean; lat?: number | null; lon?: number | null },
) =>
  (c.address !== undefined && c.address !== o.address) ||
  (c.is_online !== undefined && c.is_online !== o.is_online) ||
  (c.lat !== undefined && c.lat !== o.lat) ||
  (c.lon !== undefined && c.lon !== o.lon);
