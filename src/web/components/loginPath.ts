/**
 * The login page with a way back to where the visitor was: `/login?next=/squads/1%3Ftab%3Dx`. The target
 * keeps its path, query and fragment; slashes stay readable. The login page accepts only a path on this
 * site (pages/auth/safeNext.ts), so a crafted `next` cannot send anyone elsewhere.
 */
export function loginPathFor(target: string): string {
  return `/login?next=${encodeURIComponent(target).replaceAll('%2F', '/')}`;
}
