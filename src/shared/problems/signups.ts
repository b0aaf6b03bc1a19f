/** Problem codes of signups: places, eligibility, waitlist offers, swaps, team signup. */
import { defineProblems } from './define.js';

export const signupsProblems = defineProblems({
  shift_unavailable: {
    status: 409,
    ru: 'На эту смену сейчас не записывают.',
    en: 'This shift is not open for signups.',
  },
  shift_started: { status: 409, ru: 'Смена уже началась.', en: 'This shift has already started.' },
  shift_not_started: {
    status: 409,
    ru: 'Явку отмечают после начала смены.',
    en: 'Attendance is marked once the shift has started.',
  },
  already_signed_up: {
    status: 409,
    ru: 'Вы уже записаны на эту смену.',
    en: 'Already signed up for this shift.',
  },
  not_eligible: {
    status: 409,
    ru: 'Требования смены не выполнены.',
    en: 'The shift requirements are not met.',
  },
  birth_date_required: {
    status: 409,
    ru: 'Сначала укажите дату рождения в профиле.',
    en: 'Add your date of birth first.',
  },
  too_young: {
    status: 409,
    ru: 'Смена для добровольцев от {min} лет.',
    en: 'This shift is for volunteers aged {min} and over.',
  },
  guardian_consent_required: {
    status: 409,
    ru: 'Нужно согласие родителя или законного представителя.',
    en: "A parent's or guardian's consent is needed first.",
  },
  skills_missing: {
    status: 409,
    ru: 'Не хватает навыков: {skills}.',
    en: 'Required skills missing: {skills}.',
  },
  shift_full: {
    status: 409,
    ru: 'Свободных мест на смене нет.',
    en: 'There is no free place on this shift.',
  },
  schedule_conflict: {
    status: 409,
    ru: 'Смена не вписывается в ваш график.',
    en: 'This shift does not fit your schedule.',
  },
  shift_overlap: {
    status: 409,
    ru: 'В это время у вас уже есть смена.',
    en: 'You already hold a shift at this time.',
  },
  hours_per_day_exceeded: {
    status: 409,
    ru: 'Не больше {max} ч смен в день.',
    en: 'At most {max} hours of shifts a day.',
  },
  rest_too_short: {
    status: 409,
    ru: 'Между сменами нужен отдых не меньше {min} ч.',
    en: 'Leave at least {min} hours between shifts.',
  },
  offer_expired: {
    status: 409,
    ru: 'Время на подтверждение места истекло.',
    en: 'The time to confirm this place has passed.',
  },
  unknown_role: { status: 400, ru: 'На смене нет такой роли.', en: 'No such role on this shift.' },
  swap_to_self: {
    status: 400,
    ru: 'Нельзя передать смену самому себе.',
    en: 'You cannot hand a shift to yourself.',
  },
  swap_unavailable: {
    status: 409,
    ru: 'Это предложение обмена уже неактуально.',
    en: 'This swap offer is no longer open.',
  },
  not_squad_members: {
    status: 400,
    ru: 'Записать можно только действующих участников отряда.',
    en: 'Only active members of the squad can be signed up.',
  },
  not_squad_member: { status: 400, ru: 'Не участник отряда.', en: 'Not an active member of the squad.' },
  not_enough_places: { status: 409, ru: 'Свободных мест: {free}.', en: 'Free places: {free}.' },
  consent_required: {
    status: 409,
    ru: 'Сначала дайте согласие на участие в добровольческой деятельности: профиль → «Согласия».',
    en: 'Give your consent to volunteering first: profile → Consents.',
  },
  invitation_unavailable: {
    status: 409,
    ru: 'Это приглашение уже неактуально.',
    en: 'This invitation is no longer open.',
  },
  not_a_candidate: {
    status: 400,
    ru: 'Напрямую записать можно только тех, кто уже записывался в этот центр или состоит в его отряде. Пригласите человека по почте — он примет приглашение сам.',
    en: 'Only people who signed up at this centre before or belong to its squads can be placed directly. Invite this person by e-mail: they accept it themselves.',
  },
  consent_renewal_required: {
    status: 409,
    ru: 'Текст согласия на участие в добровольческой деятельности обновился: прочитайте и подтвердите его в профиле («Согласия»).',
    en: 'The consent to volunteering has a new text: read and confirm it in your profile (Consents).',
  },
});
