/** Rows → API shapes for applications, their documents and events. */
import type {
  Application,
  ApplicationDocument,
  ApplicationSummary,
  DocumentKind,
} from '../../../shared/contracts/applications.js';
import { safeFileName } from '../../platform/storage/uploads.js';
import type { ApplicationRow, DocumentRow, EventRow, VersionRow } from './applications.repo.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const person = (id: string | null, name: string | null | undefined) =>
  id ? { id, displayName: name ?? '' } : null;

/** Whole days between two 'YYYY-MM-DD' dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function toSummary(row: ApplicationRow, today: string, requiredKinds: number): ApplicationSummary {
  return {
    id: row.id,
    organization: {
      id: row.organization_id,
      name: row.organization_name,
      isPlaceholder: row.organization_is_placeholder,
    },
    municipality: {
      id: row.municipality_id,
      nameRu: row.municipality_name_ru,
      nameEn: row.municipality_name_en,
    },
    proposedName: row.proposed_name,
    stage: row.stage,
    stageSince: row.stage_since,
    daysAtStage: row.stage_since ? Math.max(0, daysBetween(row.stage_since, today)) : null,
    returnedFromStage: row.returned_from_stage,
    stageOwner: person(row.stage_owner_id, row.stage_owner_name),
    expectedOpeningOn: row.expected_opening_on,
    submittedAt: iso(row.submitted_at),
    decidedAt: iso(row.decided_at),
    centerId: row.center_id,
    documents: {
      required: requiredKinds,
      accepted: row.documents_accepted,
      pending: row.documents_pending,
    },
    isDemo: row.is_demo,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function toApplication(row: ApplicationRow, today: string, requiredKinds: number): Application {
  return {
    ...toSummary(row, today, requiredKinds),
    premises: {
      address: row.premises_address,
      description: row.premises_description,
      lat: row.premises_lat,
      lon: row.premises_lon,
    },
    services: row.services,
    head: { name: row.head_name, position: row.head_position, phone: row.head_phone, email: row.head_email },
    coordinators: (row.coordinators ?? []).map((c) => ({
      name: c.name,
      email: c.email ?? null,
      phone: c.phone ?? null,
    })),
    createdBy: person(row.created_by, row.created_by_name),
  };
}

export function toDocument(
  kind: DocumentKind,
  doc: DocumentRow | undefined,
  versions: VersionRow[],
): ApplicationDocument {
  return {
    kind,
    status: doc ? doc.status : 'missing',
    reviewComment: doc?.review_comment ?? null,
    reviewedBy: person(doc?.reviewer_id ?? null, doc?.reviewer_name),
    reviewedAt: iso(doc?.reviewed_at ?? null),
    versions: versions
      .filter((v) => v.document_id === doc?.id)
      .map((v) => ({
        version: v.version,
        fileName: safeFileName(v.file_name, v.content_type),
        contentType: v.content_type,
        size: v.size_bytes,
        sha256: v.sha256,
        uploadedBy: person(v.uploaded_by, v.uploader_name),
        uploadedAt: v.uploaded_at.toISOString(),
      })),
  };
}

export const toEvent = (e: EventRow) => ({
  id: e.id,
  from: e.from_stage,
  to: e.to_stage,
  actor: person(e.actor_id, e.actor_name),
  at: e.at.toISOString(),
  comment: e.comment,
});
