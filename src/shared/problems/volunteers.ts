/** Problem codes of volunteers: profiles, consents, guardians, squads, photos. */
import { defineProblems } from './define.js';

export const volunteersProblems = defineProblems({
  volunteer_profile_invalid: {
    status: 400,
    ru: 'Проверьте поля профиля.',
    en: 'Please check the profile fields.',
  },
  invalid_person_name: {
    status: 400,
    ru: 'Используйте буквы, пробелы и дефисы.',
    en: 'Use letters, spaces and hyphens.',
  },
  invalid_birth_date: {
    status: 400,
    ru: 'Введите дату в виде ГГГГ-ММ-ДД.',
    en: 'Enter a date as YYYY-MM-DD.',
  },
  birth_date_in_future: {
    status: 400,
    ru: 'Дата рождения не может быть в будущем.',
    en: 'The birth date cannot be in the future.',
  },
  below_volunteer_age: {
    status: 400,
    ru: 'Волонтёром можно стать с {min} лет.',
    en: 'Volunteering starts at {min}.',
  },
  unknown_interest: {
    status: 400,
    ru: 'Неизвестное направление «{code}».',
    en: 'Unknown interest "{code}".',
  },
  invalid_language: {
    status: 400,
    ru: 'Укажите код языка, например ru.',
    en: 'Use a language code, e.g. en.',
  },
  invalid_time_window: {
    status: 400,
    ru: 'Время окончания должно быть позже начала.',
    en: 'The window must end after it starts.',
  },
  unknown_home_center: { status: 400, ru: 'Неизвестный центр.', en: 'Unknown centre.' },
  squad_unknown_user: { status: 400, ru: 'Неизвестный пользователь.', en: 'Unknown user.' },
  consent_not_agreed: {
    status: 400,
    ru: 'Согласие даётся только явно: отметьте его.',
    en: 'A consent must be given explicitly: tick it.',
  },
  consent_document_missing: {
    status: 400,
    ru: 'Для этой цели ещё нет текста согласия.',
    en: 'There is no consent document for this purpose yet.',
  },
  guardian_details_required: {
    status: 400,
    ru: 'Укажите данные законного представителя.',
    en: "Enter the guardian's details.",
  },
  guardian_contact_required: {
    status: 400,
    ru: 'Укажите телефон или почту законного представителя.',
    en: "Enter the guardian's phone or email.",
  },
  squad_invalid: { status: 400, ru: 'Проверьте данные отряда.', en: 'Please check the squad details.' },
  squad_name_taken: {
    status: 409,
    ru: 'В центре уже есть отряд с таким названием.',
    en: 'The centre already has a squad with this name.',
  },
  already_member: { status: 409, ru: 'Вы уже в этом отряде.', en: 'You are already a member of this squad.' },
  invalid_invite_code: {
    status: 400,
    ru: 'Нет отряда с таким кодом приглашения.',
    en: 'No squad has this invitation code.',
  },
  not_requested: {
    status: 409,
    ru: 'Нет заявки, которую можно одобрить.',
    en: 'There is no request to approve.',
  },
  squad_name_required: { status: 400, ru: 'Заполните это поле.', en: 'Fill in this field.' },
  unsupported_photo_type: {
    status: 415,
    ru: 'Подойдёт фотография в формате JPEG или PNG.',
    en: 'Only JPEG and PNG photos are accepted.',
  },
  squad_leader_not_member: {
    status: 409,
    ru: 'Руководителем отряда можно назначить только его участника.',
    en: 'Only a member of the squad can be invited to lead it.',
  },
  squad_leader_already: {
    status: 409,
    ru: 'Этот человек уже руководит отрядом.',
    en: 'This person already leads the squad.',
  },
  squad_rejoin_needs_approval: {
    status: 409,
    ru: 'Вас исключили из отряда «{name}», поэтому код приглашения для вас не действует. Вернуться можно по заявке: откройте страницу отряда (она есть в списке отрядов центра) и нажмите «Подать заявку в отряд» — решение примет руководитель.',
    en: 'You were removed from the squad "{name}", so its invitation code does not work for you. You can come back by request: open the squad\'s page (listed among the centre\'s squads) and choose "Ask to join the squad"; the leader decides.',
  },
});
