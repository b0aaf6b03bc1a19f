/** User-facing messages for error codes and validation keywords, in Russian and English. */
import type { Locale } from '../../../shared/limits.js';

type Catalog = Record<string, { ru: string; en: string }>;

export const errorMessages: Catalog = {
  validation_failed: { ru: 'Проверьте введённые данные.', en: 'Please check the data you entered.' },
  malformed_json: { ru: 'Тело запроса — не корректный JSON.', en: 'The request body is not valid JSON.' },
  body_too_large: { ru: 'Запрос слишком большой.', en: 'The request is too large.' },
  unsupported_media_type: {
    ru: 'Неподдерживаемый тип содержимого запроса.',
    en: 'The request content type is not supported.',
  },
  not_found: { ru: 'Не найдено.', en: 'Not found.' },
  route_not_found: { ru: 'Такого адреса API нет.', en: 'There is no such API address.' },
  unauthorized: { ru: 'Войдите, чтобы продолжить.', en: 'Log in to continue.' },
  forbidden: { ru: 'Недостаточно прав для этого действия.', en: 'You are not allowed to do this.' },
  csrf_rejected: {
    ru: 'Запрос отклонён защитой от подделки межсайтовых запросов. Обновите страницу.',
    en: 'The request was rejected by cross-site request forgery protection. Reload the page.',
  },
  rate_limited: {
    ru: 'Слишком много попыток. Подождите и попробуйте снова.',
    en: 'Too many attempts. Wait and try again.',
  },
  internal: {
    ru: 'Внутренняя ошибка сервера. Мы уже записали её.',
    en: 'Internal server error. It has been logged.',
  },
  email_taken: {
    ru: 'Этот адрес почты уже зарегистрирован.',
    en: 'This email address is already registered.',
  },
  invalid_credentials: { ru: 'Неверная почта или пароль.', en: 'Wrong email or password.' },
  email_not_verified: {
    ru: 'Адрес почты ещё не подтверждён. Откройте ссылку из письма или запросите новое.',
    en: 'The email address is not confirmed yet. Open the link from the mail or ask for a new one.',
  },
  account_blocked: { ru: 'Учётная запись заблокирована.', en: 'The account is blocked.' },
  token_invalid: {
    ru: 'Ссылка недействительна или устарела. Запросите новую.',
    en: 'The link is invalid or has expired. Ask for a new one.',
  },
  wrong_password: { ru: 'Текущий пароль указан неверно.', en: 'The current password is wrong.' },
  weak_password: { ru: 'Пароль слишком простой.', en: 'The password is too weak.' },
  consent_version_outdated: {
    ru: 'Текст согласия обновился. Прочитайте и подтвердите его заново.',
    en: 'The consent text has changed. Read and confirm it again.',
  },
  password_change_required: {
    ru: 'Сначала смените временный пароль.',
    en: 'Change your temporary password first.',
  },
  schema_too_new: {
    ru: 'Схема базы данных новее этой версии программы.',
    en: 'The database schema is newer than this version of the software.',
  },
  municipal_change_conflict: {
    ru: 'Изменение не согласуется с муниципалитетами на эту дату.',
    en: 'The change does not fit the municipalities on that date.',
  },
  duplicate_predecessor: {
    ru: 'Этот муниципалитет указан дважды.',
    en: 'This municipality is listed twice.',
  },
  one_predecessor_required: {
    ru: 'Преобразование или переименование затрагивает ровно один муниципалитет.',
    en: 'A conversion or a rename ends exactly one municipality.',
  },
  successor_required: {
    ru: 'Укажите правопреемника: существующий или новый муниципалитет.',
    en: 'Name the successor: an existing or a new one.',
  },
  successor_not_allowed: {
    ru: 'У упразднённого муниципалитета нет правопреемника.',
    en: 'An abolished municipality has no successor.',
  },
  successor_is_predecessor: {
    ru: 'Правопреемник не может быть одновременно упраздняемым муниципалитетом.',
    en: 'The successor cannot also be a predecessor.',
  },
  blank: { ru: 'Заполните поле.', en: 'Fill in this field.' },
  unknown_municipality: {
    ru: 'Такого муниципалитета в регионе нет.',
    en: 'No such municipality in the region.',
  },
  not_in_force: {
    ru: 'Муниципалитет не действует на эту дату.',
    en: 'The municipality is not in force on that date.',
  },
  starts_on_change_day: {
    ru: 'Муниципалитет начинает действовать только с этой даты.',
    en: 'The municipality only starts on that date.',
  },
  already_ends: {
    ru: 'Действие этого муниципалитета уже прекращено другим изменением.',
    en: 'Another change already ends this municipality.',
  },
  slug_taken: {
    ru: 'Муниципалитет с таким кратким именем (slug) в регионе уже есть.',
    en: 'A municipality with this slug already exists in the region.',
  },
};

export function errorMessage(
  code: string,
  locale: Locale,
  fallback: string,
  params?: Record<string, string>,
): string {
  const text = errorMessages[code]?.[locale] ?? fallback;
  return params ? text.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole) : text;
}

Object.assign(errorMessages, {
  reason_required: { ru: 'Укажите причину решения.', en: 'Give the reason for this decision.' },
  illegal_transition: {
    ru: 'Такой переход статуса невозможен: из «{from}» в «{to}». Допустимо: {allowed}.',
    en: 'This status change is not possible: from "{from}" to "{to}". Allowed: {allowed}.',
  },
  inn_taken: {
    ru: 'Организация с этим ИНН уже зарегистрирована: {name}.',
    en: 'An organization with this INN is already registered: {name}.',
  },
  inn_checksum: {
    ru: 'Контрольные цифры ИНН не сходятся — проверьте номер.',
    en: 'The INN check digits do not match.',
  },
  ogrn_checksum: {
    ru: 'Контрольная цифра ОГРН не сходится — проверьте номер.',
    en: 'The OGRN check digit does not match.',
  },
  ogrn_inn_mismatch: {
    ru: 'К 10-значному ИНН относится 13-значный ОГРН, к 12-значному — 15-значный ОГРНИП.',
    en: 'A 10-digit INN goes with a 13-digit OGRN, a 12-digit one with a 15-digit OGRNIP.',
  },
  subkind_mismatch: {
    ru: 'Этот вид не относится к выбранному типу организации.',
    en: 'This subkind does not belong to the kind.',
  },
  municipality_not_in_force: {
    ru: 'Такого действующего муниципалитета в регионе нет.',
    en: 'No such municipality in force in the region.',
  },
  user_not_found: {
    ru: 'Учётной записи с этой почтой нет. Попросите человека сначала зарегистрироваться.',
    en: 'No account with this email. Ask the person to register first.',
  },
  last_representative: {
    ru: 'Последнего представителя может снять только региональный оператор.',
    en: 'Only the regional operator can remove the last representative.',
  },
} satisfies Catalog);

type AjvIssue = { keyword: string; params: Record<string, unknown>; message?: string };

/** One field message for an Ajv validation issue. */
export function validationMessage(issue: AjvIssue, locale: Locale): { code: string; message: string } {
  const p = issue.params;
  const ru = locale === 'ru';
  switch (issue.keyword) {
    case 'required':
      return { code: 'required', message: ru ? 'Обязательное поле.' : 'This field is required.' };
    case 'additionalProperties':
      return { code: 'unknown_field', message: ru ? 'Неизвестное поле.' : 'Unknown field.' };
    case 'minLength':
      return Number(p.limit) <= 1
        ? { code: 'required', message: ru ? 'Заполните поле.' : 'Fill in this field.' }
        : {
            code: 'too_short',
            message: ru ? `Не короче ${p.limit} символов.` : `At least ${p.limit} characters.`,
          };
    case 'maxLength':
      return {
        code: 'too_long',
        message: ru ? `Не длиннее ${p.limit} символов.` : `At most ${p.limit} characters.`,
      };
    case 'format':
      return {
        code: `invalid_${String(p.format).replace(/-/g, '_')}`,
        message:
          p.format === 'email'
            ? ru
              ? 'Введите адрес почты, например name@example.ru.'
              : 'Enter an email address, e.g. name@example.com.'
            : ru
              ? `Неверный формат (${p.format}).`
              : `Invalid format (${p.format}).`,
      };
    case 'type':
      return { code: 'wrong_type', message: ru ? `Ожидается тип ${p.type}.` : `Expected ${p.type}.` };
    case 'const':
    case 'enum':
      return {
        code: 'not_allowed_value',
        message: ru ? 'Недопустимое значение.' : 'This value is not allowed.',
      };
    case 'minimum':
    case 'maximum':
      return {
        code: 'out_of_range',
        message: ru ? 'Значение вне допустимого диапазона.' : 'Value out of range.',
      };
    case 'pattern':
      return { code: 'invalid_format', message: ru ? 'Неверный формат.' : 'Invalid format.' };
    case 'minItems':
      return { code: 'too_few', message: ru ? `Нужно не меньше ${p.limit}.` : `At least ${p.limit} needed.` };
    case 'maxItems':
      return { code: 'too_many', message: ru ? `Не больше ${p.limit}.` : `At most ${p.limit}.` };
    case 'minProperties':
      return {
        code: 'empty',
        message: ru ? 'Нужно указать хотя бы одно поле.' : 'Provide at least one field.',
      };
    default:
      return {
        code: issue.keyword,
        message: issue.message ?? (ru ? 'Неверное значение.' : 'Invalid value.'),
      };
  }
}
