/** Database tables owned by the opportunities module (merged into `Database` in platform/db/schema.ts). */
export type OpportunitiesTables = Record<never, never>;
