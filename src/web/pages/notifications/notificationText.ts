import type { TFunction } from 'i18next';
import type { Notification } from '../../api/applications-queries';

/** Kinds the web has a sentence for; any other kind gets the generic sentence with its params. */
const KNOWN = [
  'application.submitted',
  'application.resubmitted',
  'application.advanced',
  'application.changes_requested',
  'application.rejected',
  'application.withdrawn',
  'application.opened',
  'application.document_uploaded',
  'application.document_accepted',
  'application.document_returned',
] as const;
type Known = (typeof KNOWN)[number];

const isKnown = (kind: string): kind is Known => (KNOWN as readonly string[]).includes(kind);

/**
 * The notification as one sentence in the UI language. The server sends the names it knows in params
 * (application, organization, stageNameRu/En, documentNameRu/En); `stageName` covers a bare stage code.
 */
export function notificationText(
  t: TFunction,
  n: Notification,
  stageName: (code: string) => string,
  lng: string,
): string {
  const p = n.params;
  const en = lng === 'en';
  const stageLabel = (en ? p.stageNameEn : p.stageNameRu) ?? (p.stage ? stageName(p.stage) : '');
  const values = {
    application: p.application ?? p.organization ?? '—',
    organization: p.organization ?? '',
    stage: stageLabel,
    document: (en ? p.documentNameEn : p.documentNameRu) ?? p.document ?? '',
  };
  if (isKnown(n.kind)) {
    const key = n.kind.replace('application.', '') as Known extends `application.${infer K}` ? K : never;
    return t(`applications.notifications.kinds.${key}`, values);
  }
  return t('applications.notifications.kinds.other', { ...values, kind: n.kind });
}
