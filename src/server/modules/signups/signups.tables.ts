/** Database tables owned by the signups module (merged into `Database` in platform/db/schema.ts). */
export type SignupsTables = Record<never, never>;
