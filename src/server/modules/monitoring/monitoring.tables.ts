/** Database tables owned by the monitoring module (merged into `Database` in platform/db/schema.ts). */
export type MonitoringTables = Record<never, never>;
