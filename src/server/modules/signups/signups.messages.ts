/** Localised problem messages for the signup codes (merged into the shared catalogue on import). */
import { errorMessages } from '../../platform/http/messages.js';

const messages = {
  shift_unavailable: { ru: 'На эту смену сейчас не записывают.', en: 'This shift is not open for signups.' },
  shift_started: { ru: 'Смена уже началась.', en: 'This shift has already started.' },
  shift_not_started: {
    ru: 'Явку отмечают после начала смены.',
    en: 'Attendance is marked once the shift has started.',
  },
  already_signed_up: { ru: 'Вы уже записаны на эту смену.', en: 'Already signed up for this shift.' },
  not_eligible: { ru: 'Требования смены не выполнены.', en: 'The shift requirements are not met.' },
  birth_date_required: {
    ru: 'Сначала укажите дату рождения в профиле.',
    en: 'Add your date of birth first.',
  },
  too_young: {
    ru: 'Смена для добровольцев от {min} лет.',
    en: 'This shift is for volunteers aged {min} and over.',
  },
  guardian_consent_required: {
    ru: 'Нужно согласие родителя или законного представителя.',
    en: "A parent's or guardian's consent is needed first.",
  },
  skills_missing: { ru: 'Не хватает навыков: {skills}.', en: 'Required skills missing: {skills}.' },
  shift_full: { ru: 'Свободных мест на смене нет.', en: 'There is no free place on this shift.' },
  schedule_conflict: {
    ru: 'Смена не вписывается в ваш график.',
    en: 'This shift does not fit your schedule.',
  },
  shift_overlap: { ru: 'В это время у вас уже есть смена.', en: 'You already hold a shift at this time.' },
  hours_per_day_exceeded: {
    ru: 'Не больше {max} ч смен в день.',
    en: 'At most {max} hours of shifts a day.',
  },
  rest_too_short: {
    ru: 'Между сменами нужен отдых не меньше {min} ч.',
    en: 'Leave at least {min} hours between shifts.',
  },
  offer_expired: {
    ru: 'Время на подтверждение места истекло.',
    en: 'The time to confirm this place has passed.',
  },
  unknown_role: { ru: 'На смене нет такой роли.', en: 'No such role on this shift.' },
  user_not_found: {
    ru: 'Пользователь с такой почтой не найден.',
    en: 'No user with this email address.',
  },
  swap_to_self: { ru: 'Нельзя передать смену самому себе.', en: 'You cannot hand a shift to yourself.' },
  swap_unavailable: {
    ru: 'Это предложение обмена уже неактуально.',
    en: 'This swap offer is no longer open.',
  },
  not_squad_members: {
    ru: 'Записать можно только действующих участников отряда.',
    en: 'Only active members of the squad can be signed up.',
  },
  not_squad_member: { ru: 'Не участник отряда.', en: 'Not an active member of the squad.' },
  not_enough_places: { ru: 'Свободных мест: {free}.', en: 'Free places: {free}.' },
};

for (const [code, text] of Object.entries(messages)) errorMessages[code] ??= text;
