/** A centre's week: every shift of its opportunities day by day with how full it is and who came. */
import { type Static, Type } from 'typebox';
import { IsoDate, IsoDateTime, Uuid } from './common.js';

export const ScheduleParams = Type.Object({ id: Uuid });
export const ScheduleQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 31, default: 7 })),
  },
  { additionalProperties: false },
);

export const ScheduleShift = Type.Object({
  id: Uuid,
  opportunityId: Uuid,
  opportunityTitle: Type.String(),
  opportunityStatus: Type.String(),
  status: Type.String({ description: 'scheduled | cancelled' }),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  capacity: Type.Integer(),
  held: Type.Integer({ description: 'Places taken: confirmed, offered, attended and walk-ins' }),
  applied: Type.Integer({ description: 'Waiting for the coordinator’s approval' }),
  waitlisted: Type.Integer(),
  checkedIn: Type.Integer({ description: 'Arrived: checked in or marked attended, walk-ins included' }),
  noShows: Type.Integer(),
});
export type ScheduleShift = Static<typeof ScheduleShift>;

export const ScheduleDay = Type.Object({ date: IsoDate, shifts: Type.Array(ScheduleShift) });

export const Schedule = Type.Object({
  center: Type.Object({ id: Uuid, name: Type.String() }),
  timeZone: Type.String(),
  from: IsoDate,
  to: IsoDate,
  days: Type.Array(ScheduleDay),
  totals: Type.Object({
    shifts: Type.Integer(),
    capacity: Type.Integer(),
    held: Type.Integer(),
    applied: Type.Integer(),
    waitlisted: Type.Integer(),
    checkedIn: Type.Integer(),
    noShows: Type.Integer(),
  }),
});
export type Schedule = Static<typeof Schedule>;
