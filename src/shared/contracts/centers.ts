import { type Static, Type } from 'typebox';
import { IsoDateTime, Nullable, Uuid } from './common.js';
import { Center, CenterStatus } from './network.js';

export const ChangeCenterStatusBody = Type.Object(
  {
    to: CenterStatus,
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ChangeCenterStatusBody = Static<typeof ChangeCenterStatusBody>;

export const CenterStatusEvent = Type.Object({
  id: Uuid,
  from: Nullable(CenterStatus),
  to: CenterStatus,
  comment: Nullable(Type.String()),
  actor: Nullable(Type.Object({ id: Uuid, displayName: Type.String() })),
  at: IsoDateTime,
});
export const CenterHistory = Type.Object({ center: Center, events: Type.Array(CenterStatusEvent) });
export const CenterIdParams = Type.Object({ id: Uuid });
export const CenterEnvelope = Type.Object({ center: Center });

/** Profile fields; each is optional (unchanged when absent), null or "" clears it. */
export const UpdateCenterProfileBody = Type.Object(
  {
    services: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 30 })),
    openingHours: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
    website: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  },
  { additionalProperties: false },
);
export type UpdateCenterProfileBody = Static<typeof UpdateCenterProfileBody>;
