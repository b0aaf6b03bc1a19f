/** Database tables owned by the plan module (merged into `Database` in platform/db/schema.ts). */
export type PlanTables = Record<never, never>;
