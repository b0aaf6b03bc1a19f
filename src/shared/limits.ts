/** Limits shared by server schemas and web forms. */
export const LIMITS = {
  email: { max: 254 },
  password: { min: 10, max: 128 },
  displayName: { min: 1, max: 100 },
  token: { max: 200 },
  userAgent: { max: 300 },
  bodyBytes: 1_048_576,
} as const;

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = [
  'regional_admin',
  'center_coordinator',
  'org_representative',
  'volunteer',
  'requester',
  'squad_leader',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ['region', 'center', 'organization', 'self', 'squad'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** Version of the personal-data consent text (152-FZ) shown at registration. */
export const PERSONAL_DATA_CONSENT_VERSION = '2026-11-01';
