/**
 * What taking a place asks of a person, read for the signups module: eligibility facts (consent, age,
 * guardian consent, skills), the time slots of the shifts they hold, and both at once with whether they
 * are already on a shift (`personOnShift`, one statement before the shift lock).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { ACTIVE, HOLDING, type VolunteeringConsent } from './signup-rules.js';

type Db = Kysely<Database>;

type EligibilityRow = {
  active: boolean;
  live: boolean;
  given: boolean;
  doc: boolean;
  birth_date: string | null;
  skills: string[] | null;
  guardian: boolean;
};

/** The facts `checkEligibility` needs about a person, in one row (see `toEligibility`). */
const eligibilityQuery = (userId: string, now: Date) => sql<EligibilityRow>`
  with doc as (
    select version from consent_documents
    where purpose = 'volunteering' and published_at <= ${now}
    order by published_at desc limit 1
  ), profile as (
    select p.birth_date::text as birth_date,
           array(select jsonb_array_elements_text(coalesce(to_jsonb(p) -> 'skills', '[]'::jsonb))) as skills
    from volunteer_profiles p where p.user_id = ${userId}
  )
  select coalesce(bool_or(c.withdrawn_at is null and c.version = (select version from doc)), false) as active,
         coalesce(bool_or(c.withdrawn_at is null), false) as live,
         count(c.id) > 0 as given,
         exists (select 1 from doc) as doc,
         (select birth_date from profile) as birth_date,
         (select skills from profile) as skills,
         exists (select 1 from consents g where g.user_id = ${userId} and g.purpose = 'guardian_consent'
           and g.withdrawn_at is null) as guardian
  from consents c where c.user_id = ${userId} and c.purpose = 'volunteering'`;

function toEligibility(v: EligibilityRow | undefined) {
  const volunteeringConsent: VolunteeringConsent = v?.active
    ? 'active'
    : v?.live && v.doc
      ? 'renewal_needed'
      : v?.given && v.doc
        ? 'withdrawn'
        : 'none';
  return {
    birthDate: v?.birth_date ?? null,
    skills: v?.skills ?? [],
    guardianConsent: v?.guardian === true,
    volunteeringConsent,
  };
}

const heldQuery = (trx: Db, userId: string, exceptShift?: string) => {
  let q = trx
    .selectFrom('signups as g')
    .innerJoin('shifts as s', 's.id', 'g.shift_id')
    .select(['s.starts_at as startsAt', 's.ends_at as endsAt'])
    .where('g.user_id', '=', userId)
    .where('g.status', 'in', HOLDING)
    .where('s.status', '=', 'scheduled');
  if (exceptShift) q = q.where('g.shift_id', '<>', exceptShift);
  return q;
};

export function createPersonRepo(db: Db) {
  return {
    /** Time slots of the shifts the volunteer holds (confirmed/offered/attended), other than `exceptShift`. */
    heldIntervals: (userId: string, trx: Db, exceptShift?: string) =>
      heldQuery(trx, userId, exceptShift).execute(),

    /**
     * Birth date, skill codes, a live guardian consent and the state of the consent to volunteering of a
     * volunteer. "Active" is as the volunteers module defines it: a record of the document version
     * current at `now`, not withdrawn (an older live version needs renewal).
     */
    eligibility: async (userId: string, now: Date, trx: Db = db) =>
      toEligibility((await eligibilityQuery(userId, now).execute(trx)).rows[0]),

    /**
     * What taking a place on the shift asks of the person, in one statement: whether they are already on
     * it (an active signup), their `eligibility` and the `heldIntervals` of their other shifts; and
     * whether the shift has room as its counter reads now (without its lock: a guess, see takePlace).
     */
    personOnShift: async (userId: string, shiftId: string, now: Date, trx: Db) => {
      const result = await sql<
        EligibilityRow & { on_shift: boolean; held: { startsAt: string; endsAt: string }[]; room: boolean }
      >`
        select e.*,
          coalesce((select s.taken < s.capacity from shifts s where s.id = ${shiftId}), false) as room,
          exists (select 1 from signups g where g.shift_id = ${shiftId} and g.user_id = ${userId}
            and g.status in (${sql.join(ACTIVE)})) as on_shift,
          (select coalesce(json_agg(h), '[]'::json) from (${heldQuery(trx, userId, shiftId)}) h) as held
        from (${eligibilityQuery(userId, now)}) e`.execute(trx);
      const row = result.rows[0];
      return {
        onShift: row?.on_shift === true,
        room: row?.room === true,
        eligibility: toEligibility(row),
        held: (row?.held ?? []).map((h) => ({ startsAt: new Date(h.startsAt), endsAt: new Date(h.endsAt) })),
      };
    },
  };
}
