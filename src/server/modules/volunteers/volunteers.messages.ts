/** Localised problem messages for the volunteers codes (merged into the shared catalogue on import). */
import { errorMessages } from '../../platform/http/messages.js';

const messages = {
  volunteer_profile_invalid: { ru: 'Проверьте поля профиля.', en: 'Please check the profile fields.' },
  invalid_person_name: {
    ru: 'Используйте буквы, пробелы и дефисы.',
    en: 'Use letters, spaces and hyphens.',
  },
  invalid_birth_date: { ru: 'Введите дату в виде ГГГГ-ММ-ДД.', en: 'Enter a date as YYYY-MM-DD.' },
  birth_date_in_future: {
    ru: 'Дата рождения не может быть в будущем.',
    en: 'The birth date cannot be in the future.',
  },
  below_volunteer_age: {
    ru: 'Волонтёром можно стать с {min} лет.',
    en: 'Volunteering starts at {min}.',
  },
  unknown_skill: { ru: 'Неизвестный навык «{code}».', en: 'Unknown skill "{code}".' },
  unknown_interest: { ru: 'Неизвестное направление «{code}».', en: 'Unknown interest "{code}".' },
  invalid_language: {
    ru: 'Укажите код языка, например ru.',
    en: 'Use a language code, e.g. en.',
  },
  invalid_time_window: {
    ru: 'Время окончания должно быть позже начала.',
    en: 'The window must end after it starts.',
  },
  unknown_municipality: { ru: 'Неизвестное муниципальное образование.', en: 'Unknown municipality.' },
  unknown_home_center: { ru: 'Неизвестный центр.', en: 'Unknown centre.' },
  squad_unknown_user: { ru: 'Неизвестный пользователь.', en: 'Unknown user.' },
  consent_not_agreed: {
    ru: 'Согласие даётся только явно: отметьте его.',
    en: 'A consent must be given explicitly: tick it.',
  },
  consent_document_missing: {
    ru: 'Для этой цели ещё нет текста согласия.',
    en: 'There is no consent document for this purpose yet.',
  },
  guardian_details_required: {
    ru: 'Укажите данные законного представителя.',
    en: "Enter the guardian's details.",
  },
  guardian_contact_required: {
    ru: 'Укажите телефон или почту законного представителя.',
    en: "Enter the guardian's phone or email.",
  },
  squad_invalid: { ru: 'Проверьте данные отряда.', en: 'Please check the squad details.' },
  squad_name_taken: {
    ru: 'В центре уже есть отряд с таким названием.',
    en: 'The centre already has a squad with this name.',
  },
  already_member: { ru: 'Вы уже в этом отряде.', en: 'You are already a member of this squad.' },
  invalid_invite_code: {
    ru: 'Нет отряда с таким кодом приглашения.',
    en: 'No squad has this invitation code.',
  },
  not_requested: { ru: 'Нет заявки, которую можно одобрить.', en: 'There is no request to approve.' },
  squad_name_required: { ru: 'Заполните это поле.', en: 'Fill in this field.' },
  unsupported_photo_type: {
    ru: 'Подойдёт фотография в формате JPEG или PNG.',
    en: 'Only JPEG and PNG photos are accepted.',
  },
};

for (const [code, text] of Object.entries(messages)) errorMessages[code] ??= text;
