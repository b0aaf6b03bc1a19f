/**
 * The signups module's own mail templates, in Russian and English: one text per signup event, with the
 * shift's time in its own zone. The mailer (platform/mail) makes the HTML and writes the outbox.
 */
import type { ComposedMail } from '../../platform/mail/templates.js';

export type SignupEvent =
  | 'confirmed'
  | 'waitlisted'
  | 'applied'
  | 'offered'
  | 'offer_expired'
  | 'declined'
  | 'cancelled'
  | 'volunteer_cancelled'
  | 'swap_offered'
  | 'swap_accepted'
  | 'message'
  | 'reminder_24h'
  | 'reminder_2h'
  | 'time_changed'
  | 'shift_cancelled'
  | 'place_changed'
  | 'consent_withdrawn'
  | 'volunteer_consent_withdrawn'
  | 'invited'
  | 'invited_desk'
  | 'invitation_accepted';

/** What a signup mail says: the event, the shift, the page it links to and the event's details. */
export type SignupMail = {
  event: SignupEvent;
  shift: { id: string; title: string; startsAt: Date; timezone: string };
  /** The path opened from the notice (relative to the public URL). */
  link: string;
  /**
   * Event details, kept in the in-app row too: reason, who, to, text, until (ISO); for reminders and
   * change notices endsAt, from/fromEnd (the old times, ISO), address, online ('true') and checkIn (a path).
   */
  params?: Record<string, string | null>;
};

const when = (at: Date, tz: string, locale: 'ru' | 'en') =>
  new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    timeZone: tz,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(at);

/** "25 ноября 2026 г., 09:00–12:00" in the shift's time zone (the start alone without an end). */
const span = (from: Date, to: Date | null, tz: string, locale: 'ru' | 'en') =>
  to
    ? new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
        timeZone: tz,
        dateStyle: 'long',
        timeStyle: 'short',
      }).formatRange(from, to)
    : when(from, tz, locale);

/** Where the shift takes place: online, the address, or nothing known. */
const placeLine = (p: Record<string, string | null>, locale: 'ru' | 'en') => {
  if (p.online === 'true') return locale === 'ru' ? 'Смена проходит онлайн.' : 'The shift is online.';
  if (p.address) return locale === 'ru' ? `Адрес: ${p.address}.` : `Address: ${p.address}.`;
  return '';
};

type Vars = Record<string, string>;
const TEXTS: Record<'ru' | 'en', Record<SignupEvent, (v: Vars) => string>> = {
  ru: {
    confirmed: (v) => `Вы записаны на смену «${v.title}» (${v.when}).`,
    waitlisted: (v) => `Мест на смене «${v.title}» (${v.when}) нет — вы в листе ожидания.`,
    applied: (v) => `Новая заявка на смену «${v.title}» (${v.when}) ждёт решения.`,
    offered: (v) =>
      `На смене «${v.title}» (${v.when}) освободилось место. Подтвердите до ${v.until}, иначе его предложат следующему.`,
    offer_expired: (v) => `Срок подтверждения места на смене «${v.title}» истёк.`,
    declined: (v) => `Заявка на смену «${v.title}» отклонена. Причина: ${v.reason}`,
    cancelled: (v) =>
      `Ваша запись на смену «${v.title}» (${v.when}) отменена координатором. Причина: ${v.reason}`,
    volunteer_cancelled: (v) =>
      `${v.who} отменил(а) запись на смену «${v.title}» (${v.when}). Причина: ${v.reason}`,
    swap_offered: (v) =>
      `${v.who} предлагает вам свою смену «${v.title}» (${v.when}). Чтобы принять или отказаться, войдите в Добросеть с этим адресом почты (если учётной записи ещё нет — зарегистрируйтесь) и откройте «Мои смены». Если вы не ждали этого письма, просто не отвечайте на него.`,
    swap_accepted: (v) => `Смена «${v.title}» (${v.when}) передана: ${v.who} → ${v.to}.`,
    message: (v) => `Сообщение координатора о смене «${v.title}» (${v.when}):\n\n${v.text}`,
    reminder_24h: (v) =>
      `Напоминаем: вы записаны на смену «${v.title}» — ${v.span} (время местное).${v.place ? `\n${v.place}` : ''}\n\nНа месте отметьтесь по QR-коду смены: ${v.checkIn}`,
    reminder_2h: (v) =>
      `Скоро начало: смена «${v.title}» — ${v.span} (время местное).${v.place ? `\n${v.place}` : ''}\n\nНа месте отметьтесь по QR-коду смены: ${v.checkIn}`,
    time_changed: (v) =>
      `Время смены «${v.title}» изменилось: было ${v.from}, стало ${v.span} (время местное).`,
    shift_cancelled: (v) =>
      `Смена «${v.title}» (${v.when}) отменена организатором, ваша запись снята. Приносим извинения.`,
    place_changed: (v) =>
      `Изменилось место проведения смены «${v.title}» (${v.when}). ${v.place || 'Адрес уточните у координатора.'}`,
    consent_withdrawn: (v) =>
      `${v.purpose === 'guardian_consent' ? 'Согласие родителя или законного представителя отозвано' : 'Вы отозвали согласие на участие в добровольческой деятельности'}, поэтому запись на смену «${v.title}» (${v.when}) снята. Чтобы снова записываться на смены, дайте согласие в профиле («Согласия»).`,
    volunteer_consent_withdrawn: (v) =>
      `Запись ${v.who} на смену «${v.title}» (${v.when}) снята: согласие на участие отозвано. Место предложено листу ожидания.`,
    invited: (v) =>
      `Координатор центра «${v.center}» приглашает вас на смену «${v.title}» (${v.when}). Чтобы принять или отклонить приглашение, войдите в Добросеть с этим адресом почты (если учётной записи ещё нет — зарегистрируйтесь) и откройте «Мои смены». Если вы не ждали этого письма, просто не отвечайте на него.`,
    invited_desk: (v) =>
      `Вы пришли на смену «${v.title}» (${v.when}) центра «${v.center}». Чтобы вас отметили, войдите в Добросеть с этим адресом почты (если учётной записи ещё нет — зарегистрируйтесь) и примите приглашение в «Мои смены». Если вы не ждали этого письма, просто не отвечайте на него.`,
    invitation_accepted: (v) => `${v.who} принял(а) приглашение на смену «${v.title}» (${v.when}).`,
  },
  en: {
    confirmed: (v) => `You are signed up for the shift "${v.title}" (${v.when}).`,
    waitlisted: (v) => `The shift "${v.title}" (${v.when}) is full — you are on the waitlist.`,
    applied: (v) => `A new signup for the shift "${v.title}" (${v.when}) awaits your decision.`,
    offered: (v) =>
      `A place freed up on the shift "${v.title}" (${v.when}). Confirm by ${v.until}, or it goes to the next person.`,
    offer_expired: (v) => `The time to confirm your place on the shift "${v.title}" has passed.`,
    declined: (v) => `Your signup for the shift "${v.title}" was declined. Reason: ${v.reason}`,
    cancelled: (v) =>
      `Your place on the shift "${v.title}" (${v.when}) was cancelled by the coordinator. Reason: ${v.reason}`,
    volunteer_cancelled: (v) =>
      `${v.who} cancelled their place on the shift "${v.title}" (${v.when}). Reason: ${v.reason}`,
    swap_offered: (v) =>
      `${v.who} offers you their shift "${v.title}" (${v.when}). To accept or decline, sign in to Dobroset with this email address (register if you have no account yet) and open My shifts. If you did not expect this mail, simply do not answer it.`,
    swap_accepted: (v) => `The shift "${v.title}" (${v.when}) was handed over: ${v.who} → ${v.to}.`,
    message: (v) => `A message from the coordinator about the shift "${v.title}" (${v.when}):\n\n${v.text}`,
    reminder_24h: (v) =>
      `A reminder: you are signed up for the shift "${v.title}" — ${v.span} (local time).${v.place ? `\n${v.place}` : ''}\n\nCheck in on site with the shift's QR code: ${v.checkIn}`,
    reminder_2h: (v) =>
      `Starting soon: the shift "${v.title}" — ${v.span} (local time).${v.place ? `\n${v.place}` : ''}\n\nCheck in on site with the shift's QR code: ${v.checkIn}`,
    time_changed: (v) =>
      `The time of the shift "${v.title}" has changed: it was ${v.from}, now it is ${v.span} (local time).`,
    shift_cancelled: (v) =>
      `The shift "${v.title}" (${v.when}) was cancelled by the organiser and your place with it. We are sorry.`,
    place_changed: (v) =>
      `The place of the shift "${v.title}" (${v.when}) has changed. ${v.place || 'Please ask the coordinator for the address.'}`,
    consent_withdrawn: (v) =>
      `${v.purpose === 'guardian_consent' ? "Your parent's or guardian's consent was withdrawn" : 'You withdrew your consent to volunteering'}, so your place on the shift "${v.title}" (${v.when}) was cancelled. To sign up for shifts again, give the consent in your profile (Consents).`,
    volunteer_consent_withdrawn: (v) =>
      `${v.who}'s place on the shift "${v.title}" (${v.when}) was cancelled: the consent to volunteering was withdrawn. The place is offered to the waitlist.`,
    invited: (v) =>
      `The coordinator of "${v.center}" invites you to the shift "${v.title}" (${v.when}). To accept or decline, sign in to Dobroset with this email address (register if you have no account yet) and open My shifts. If you did not expect this mail, simply do not answer it.`,
    invited_desk: (v) =>
      `You came to the shift "${v.title}" (${v.when}) of "${v.center}". To be checked in, sign in to Dobroset with this email address (register if you have no account yet) and accept the invitation in My shifts. If you did not expect this mail, simply do not answer it.`,
    invitation_accepted: (v) => `${v.who} accepted the invitation to the shift "${v.title}" (${v.when}).`,
  },
};

/** The mail of a signup step in the recipient's language (`name` empty: no greeting by name). */
export function renderSignupMail(
  locale: 'ru' | 'en',
  name: string,
  notice: SignupMail,
  publicUrl: string,
): ComposedMail {
  const p = notice.params ?? {};
  const tz = notice.shift.timezone;
  const date = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
  const vars: Vars = {
    title: notice.shift.title,
    when: when(notice.shift.startsAt, tz, locale),
    span: span(notice.shift.startsAt, date(p.endsAt), tz, locale),
    from: p.from ? span(new Date(p.from), date(p.fromEnd), tz, locale) : '',
    place: placeLine(p, locale),
    checkIn: `${publicUrl}${p.checkIn ?? '/check-in'}`,
    until: p.until ? when(new Date(p.until), notice.shift.timezone, locale) : '',
    reason: p.reason ?? '',
    who: p.who ?? '',
    to: p.to ?? '',
    text: p.text ?? '',
    purpose: p.purpose ?? '',
    center: p.center ?? '',
  };
  const ru = locale === 'ru';
  const body = TEXTS[locale][notice.event](vars);
  return {
    template: `signup_${notice.event}`,
    subject: ru ? `Смена «${notice.shift.title}» — Добросеть` : `Shift "${notice.shift.title}" — Dobroset`,
    text: `${ru ? 'Здравствуйте' : 'Hello'}${name ? `, ${name}` : ''}!\n\n${body}\n\n${ru ? 'Открыть' : 'Open'}: ${publicUrl}${notice.link}`,
  };
}
