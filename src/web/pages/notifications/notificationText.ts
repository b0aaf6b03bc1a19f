import type { TFunction } from 'i18next';
import type { Notification } from '../../api/applications-queries';
import { formatDateTime } from '../../components/format';
import { invitationText } from './invitationText';

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
  if (n.kind.startsWith('signup.')) return signupText(t, n, lng);
  const invitation = invitationText(t, n);
  if (invitation !== null) return invitation;
  if (isKnown(n.kind)) {
    const key = n.kind.replace('application.', '') as Known extends `application.${infer K}` ? K : never;
    return t(`applications.notifications.kinds.${key}`, values);
  }
  return t('applications.notifications.kinds.other', { ...values, kind: n.kind });
}

const SIGNUP_EVENTS = [
  'confirmed',
  'waitlisted',
  'applied',
  'offered',
  'offer_expired',
  'declined',
  'cancelled',
  'volunteer_cancelled',
  'swap_offered',
  'swap_accepted',
  'message',
  'reminder_24h',
  'reminder_2h',
  'time_changed',
  'shift_cancelled',
  'place_changed',
  'consent_withdrawn',
  'volunteer_consent_withdrawn',
  'invited',
  'invited_desk',
  'invitation_accepted',
] as const;
type SignupEvent = (typeof SIGNUP_EVENTS)[number];

/**
 * A signup notification: the event, the opportunity's title and the shift's start in the UI language
 * (for a time change also the old start, `from`).
 */
function signupText(t: TFunction, n: Notification, lng: string): string {
  const event = n.kind.slice('signup.'.length);
  const p = n.params;
  const values = {
    title: p.title ?? '—',
    when: p.startsAt ? formatDateTime(p.startsAt, lng) : '',
    from: p.from ? formatDateTime(p.from, lng) : '',
  };
  return (SIGNUP_EVENTS as readonly string[]).includes(event)
    ? t(`signups.notifications.${event as SignupEvent}`, values)
    : t('signups.notifications.other', values);
}
