/** Localised problem messages for the centre profile codes (merged into the shared catalogue on import). */
import { errorMessages } from '../../platform/http/messages.js';

const messages = {
  unknown_service: {
    ru: 'Неизвестная услуга «{code}».',
    en: 'Unknown service "{code}".',
  },
  invalid_phone: {
    ru: 'Введите номер телефона, например +7 3842 12-34-56.',
    en: 'Enter a phone number, e.g. +7 3842 12-34-56.',
  },
  invalid_email: {
    ru: 'Введите адрес почты, например name@example.ru.',
    en: 'Enter an email address, e.g. name@example.com.',
  },
  invalid_url: {
    ru: 'Введите адрес сайта, например https://example.ru.',
    en: 'Enter a web address, e.g. https://example.ru.',
  },
  profile_invalid: {
    ru: 'Проверьте поля профиля центра.',
    en: 'Please check the centre profile fields.',
  },
};

for (const [code, text] of Object.entries(messages)) errorMessages[code] ??= text;
