/** Database tables owned by the applications module (merged into `Database` in platform/db/schema.ts). */
export type ApplicationsTables = Record<never, never>;
