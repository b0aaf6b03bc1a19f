/** Database tables owned by the applications module (merged into `Database` in platform/db/schema.ts). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = ColumnType<string, string, string>;

export type ApplicationStagesTable = {
  code: string;
  name_ru: string;
  name_en: string;
  position: number;
  typical_days: number;
  is_system: Generated<boolean>;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
};

export type ApplicationDocumentKindsTable = {
  code: string;
  name_ru: string;
  name_en: string;
  description: string | null;
  required: Generated<boolean>;
  needed_by_stage: string;
  position: Generated<number>;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
};

export type Coordinator = { name: string; email: string | null; phone: string | null };

/** Columns migration 0005 adds to `center_applications` (the core columns are in schema.ts). */
export type CenterApplicationsExtension = {
  proposed_name: string | null;
  premises_address: string | null;
  premises_description: string | null;
  premises_lat: number | null;
  premises_lon: number | null;
  services: Generated<string[]>;
  head_name: string | null;
  head_position: string | null;
  head_phone: string | null;
  head_email: string | null;
  coordinators: ColumnType<Coordinator[], string | undefined, string>;
  expected_opening_on: DateString | null;
  stage_owner_id: string | null;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  center_id: string | null;
  created_by: string | null;
  updated_at: DefaultTimestamp;
  returned_from_stage: string | null;
};

export type ApplicationEventsTable = {
  id: Generated<string>;
  /** Insertion order, for events recorded within the same instant. */
  seq: Generated<number>;
  application_id: string;
  from_stage: string | null;
  to_stage: string;
  actor_id: string | null;
  at: Timestamp;
  comment: string | null;
};

export type DocumentStatus = 'pending' | 'accepted' | 'returned';
export type ApplicationDocumentsTable = {
  id: Generated<string>;
  application_id: string;
  kind_code: string;
  status: DocumentStatus;
  review_comment: string | null;
  reviewer_id: string | null;
  reviewed_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
};

export type ApplicationDocumentVersionsTable = {
  id: Generated<string>;
  document_id: string;
  version: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
};

export type ApplicationsTables = {
  application_stages: ApplicationStagesTable;
  application_document_kinds: ApplicationDocumentKindsTable;
  center_applications: CenterApplicationsExtension;
  application_events: ApplicationEventsTable;
  application_documents: ApplicationDocumentsTable;
  application_document_versions: ApplicationDocumentVersionsTable;
};

declare module '../../platform/db/schema.js' {
  /** This module's tables, part of the platform's `Database` type. */
  interface ModuleTables extends ApplicationsTables {}
}
