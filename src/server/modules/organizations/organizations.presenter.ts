import type { Organization } from '../../../shared/contracts/organizations.js';
import type { OrganizationRow, OrganizationsRepo } from './organizations.repo.js';

type RepresentativeRow = Awaited<ReturnType<OrganizationsRepo['representatives']>>[number];
type InvitationRow = Awaited<ReturnType<OrganizationsRepo['invitations']>>[number];

export function toOrganizationView(
  o: OrganizationRow,
  representatives: RepresentativeRow[],
  invitations: InvitationRow[] = [],
): Organization {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    subkind: o.subkind,
    inn: o.inn,
    ogrn: o.ogrn,
    municipality: { id: o.municipality_id, nameRu: o.municipality_name_ru, nameEn: o.municipality_name_en },
    address: o.address,
    phone: o.phone,
    email: o.email,
    website: o.website,
    isPlaceholder: o.is_placeholder,
    isDemo: o.is_demo,
    representatives: representatives
      .filter((r) => r.organization_id === o.id)
      .map((r) => ({ userId: r.user_id, displayName: r.display_name, email: r.email })),
    invitations: invitations
      .filter((i) => i.organization_id === o.id)
      .map((i) => ({
        id: i.id,
        email: i.email,
        invitedAt: i.invited_at.toISOString(),
        expiresAt: i.expires_at.toISOString(),
      })),
    createdAt: o.created_at.toISOString(),
    updatedAt: o.updated_at.toISOString(),
    version: o.version,
  };
}
