/**
 * Field-level codes of request validation (`errors[].code`): the schema keywords Ajv reports, the shared
 * string and date rules (platform/http/validation.ts) and the generic field checks services repeat.
 */
import { defineProblems } from './define.js';

export const validationProblems = defineProblems({
  required: { status: 400, ru: 'Заполните поле.', en: 'Fill in this field.' },
  blank: { status: 400, ru: 'Заполните поле.', en: 'Fill in this field.' },
  unknown_field: { status: 400, ru: 'Неизвестное поле.', en: 'Unknown field.' },
  too_short: {
    status: 400,
    ru: 'Не короче {limit} символов.',
    en: 'At least {limit} characters.',
  },
  too_long: { status: 400, ru: 'Не длиннее {limit} символов.', en: 'At most {limit} characters.' },
  wrong_type: { status: 400, ru: 'Ожидается тип {type}.', en: 'Expected {type}.' },
  not_allowed_value: {
    status: 400,
    ru: 'Недопустимое значение.',
    en: 'This value is not allowed.',
  },
  out_of_range: {
    status: 400,
    ru: 'Значение вне допустимого диапазона.',
    en: 'Value out of range.',
  },
  not_multiple: {
    status: 400,
    ru: 'Значение должно быть кратно {multipleOf}.',
    en: 'The value must be a multiple of {multipleOf}.',
  },
  invalid_format: { status: 400, ru: 'Неверный формат.', en: 'Invalid format.' },
  too_few: { status: 400, ru: 'Нужно не меньше {limit}.', en: 'At least {limit} needed.' },
  too_many: { status: 400, ru: 'Не больше {limit}.', en: 'At most {limit}.' },
  not_unique: {
    status: 400,
    ru: 'Значения в списке повторяются.',
    en: 'The list repeats a value.',
  },
  empty: {
    status: 400,
    ru: 'Нужно указать хотя бы одно поле.',
    en: 'Provide at least one field.',
  },
  invalid_value: { status: 400, ru: 'Неверное значение.', en: 'Invalid value.' },
  forbidden_characters: {
    status: 400,
    ru: 'Текст содержит недопустимые символы (управляющие символы или повреждённый Юникод).',
    en: 'The text contains characters that are not allowed (control characters or broken Unicode).',
  },
  invalid_date: {
    status: 400,
    ru: 'Введите дату в виде ГГГГ-ММ-ДД между {min} и {max} годом.',
    en: 'Enter a date as YYYY-MM-DD between the years {min} and {max}.',
  },
  invalid_date_time: {
    status: 400,
    ru: 'Введите дату и время в формате ISO 8601 с часовым поясом, между {min} и {max} годом.',
    en: 'Enter a date and time in ISO 8601 with a time zone, between the years {min} and {max}.',
  },
  invalid_time: { status: 400, ru: 'Введите время в виде ЧЧ:ММ.', en: 'Enter a time as HH:MM.' },
  invalid_uuid: {
    status: 400,
    ru: 'Неверный идентификатор.',
    en: 'Not a valid identifier.',
  },
  invalid_email: {
    status: 400,
    ru: 'Введите адрес почты, например name@example.ru.',
    en: 'Enter an email address, e.g. name@example.com.',
  },
  invalid_url: {
    status: 400,
    ru: 'Введите адрес сайта, начинающийся с http:// или https://, например https://example.ru.',
    en: 'Enter a web address starting with http:// or https://, e.g. https://example.ru.',
  },
  invalid_phone: {
    status: 400,
    ru: 'Введите номер телефона, например +7 3842 12-34-56.',
    en: 'Enter a phone number, e.g. +7 3842 12-34-56.',
  },
});
