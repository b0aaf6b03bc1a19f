/** Problem codes of the HTTP platform: framework errors, access, limits, the unexpected. */
import { defineProblems } from './define.js';

export const platformProblems = defineProblems({
  validation_failed: {
    status: 400,
    ru: 'Проверьте введённые данные.',
    en: 'Please check the data you entered.',
  },
  malformed_json: {
    status: 400,
    ru: 'Тело запроса — не корректный JSON.',
    en: 'The request body is not valid JSON.',
  },
  bad_request: { status: 400, ru: 'Запрос отклонён.', en: 'The request was rejected.' },
  bad_url: {
    status: 400,
    ru: 'Адрес запроса закодирован неверно.',
    en: 'The request address is not encoded correctly.',
  },
  body_too_large: { status: 413, ru: 'Запрос слишком большой.', en: 'The request is too large.' },
  uri_too_long: {
    status: 414,
    ru: 'Адрес запроса слишком длинный.',
    en: 'The request address is too long.',
  },
  headers_too_large: {
    status: 431,
    ru: 'Заголовки запроса слишком большие.',
    en: 'The request headers are too large.',
  },
  request_timeout: {
    status: 408,
    ru: 'Запрос шёл слишком долго. Попробуйте ещё раз.',
    en: 'The request took too long. Try again.',
  },
  unsupported_media_type: {
    status: 415,
    ru: 'Неподдерживаемый тип содержимого запроса.',
    en: 'The request content type is not supported.',
  },
  method_not_allowed: {
    status: 405,
    ru: 'Этот метод для адреса не поддерживается.',
    en: 'This method is not supported for the address.',
  },
  not_acceptable: {
    status: 406,
    ru: 'Ответ в запрошенном формате дать нельзя.',
    en: 'The answer cannot be given in the requested format.',
  },
  not_found: { status: 404, ru: 'Не найдено.', en: 'Not found.' },
  route_not_found: { status: 404, ru: 'Такого адреса API нет.', en: 'There is no such API address.' },
  unauthorized: { status: 401, ru: 'Войдите, чтобы продолжить.', en: 'Log in to continue.' },
  forbidden: {
    status: 403,
    ru: 'Недостаточно прав для этого действия.',
    en: 'You are not allowed to do this.',
  },
  csrf_rejected: {
    status: 403,
    ru: 'Запрос отклонён защитой от подделки межсайтовых запросов. Обновите страницу.',
    en: 'The request was rejected by cross-site request forgery protection. Reload the page.',
  },
  rate_limited: {
    status: 429,
    ru: 'Слишком много попыток. Подождите и попробуйте снова.',
    en: 'Too many attempts. Wait and try again.',
  },
  internal: {
    status: 500,
    ru: 'Внутренняя ошибка сервера. Мы уже записали её.',
    en: 'Internal server error. It has been logged.',
  },
  schema_too_new: {
    status: 500,
    ru: 'Схема базы данных новее этой версии программы.',
    en: 'The database schema is newer than this version of the software.',
  },
  file_too_large: {
    status: 413,
    ru: 'Файл больше {maxMb} МБ.',
    en: 'The file is larger than {maxMb} MB.',
  },
  idempotency_key_invalid: {
    status: 400,
    ru: 'Заголовок Idempotency-Key должен содержать от 1 до 255 видимых символов ASCII.',
    en: 'The Idempotency-Key header must hold 1 to 255 visible ASCII characters.',
  },
  idempotency_in_progress: {
    status: 409,
    ru: 'Этот запрос ещё выполняется. Подождите немного — повтор покажет его результат.',
    en: 'This request is still being processed. Wait a moment: a retry will show its result.',
  },
  idempotency_key_mismatch: {
    status: 422,
    ru: 'Этот ключ Idempotency-Key уже использован для другого запроса. Для нового запроса нужен новый ключ.',
    en: 'This Idempotency-Key was already used for a different request. A new request needs a new key.',
  },
  edit_conflict: {
    status: 412,
    ru: 'Запись изменил другой пользователь, пока вы её редактировали. Загрузите текущую версию и внесите изменения заново.',
    en: 'Someone else changed this record while you were editing it. Load the current version and make your changes again.',
  },
  if_match_invalid: {
    status: 400,
    ru: 'Заголовок If-Match должен содержать метку версии в кавычках (например, "3") или *.',
    en: 'The If-Match header must hold a version tag in double quotes (e.g. "3") or *.',
  },
  database_unavailable: {
    status: 503,
    ru: 'База данных сейчас недоступна. Повторите запрос через несколько секунд.',
    en: 'The database is unavailable right now. Retry in a few seconds.',
  },
  database_busy: {
    status: 503,
    ru: 'База данных перегружена и не успела выполнить запрос. Повторите его через несколько секунд.',
    en: 'The database is overloaded and could not finish the request. Retry in a few seconds.',
  },
  overloaded: {
    status: 503,
    ru: 'Сервер перегружен. Повторите запрос через несколько секунд.',
    en: 'The server is overloaded. Retry in a few seconds.',
  },
});
