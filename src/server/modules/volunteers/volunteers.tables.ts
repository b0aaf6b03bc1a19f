/** Database tables owned by the volunteers module (merged into `Database` in platform/db/schema.ts). */
export type VolunteersTables = Record<never, never>;
