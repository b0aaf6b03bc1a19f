import { Type } from 'typebox';

export const Health = Type.Object({ status: Type.Literal('ok') });
export const Ready = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
  database: Type.Union([Type.Literal('ok'), Type.Literal('unreachable'), Type.Literal('timeout')], {
    description: 'unreachable: the connection failed; timeout: no answer within READY_TIMEOUT_MS',
  }),
  migrations: Type.Object({ applied: Type.Integer(), expected: Type.Integer(), current: Type.Boolean() }),
});

/** Settings the web app needs at run time (no secrets). */
export const PublicConfig = Type.Object({
  mapTileUrl: Type.Union([Type.String(), Type.Null()], {
    description: 'XYZ tile URL template; null = no tiles (offline map)',
  }),
  mapTileAttribution: Type.Union([Type.String(), Type.Null()]),
  demo: Type.Boolean(),
  smtpConfigured: Type.Boolean(),
  uploadMaxBytes: Type.Integer({ description: 'Largest accepted document upload (UPLOAD_MAX_MB)' }),
  timeZone: Type.String({
    description: "The region's IANA time zone: every time is shown and entered in it",
  }),
});
