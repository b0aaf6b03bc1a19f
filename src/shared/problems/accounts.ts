/** Problem codes of accounts: registration, login, verification, passwords, consents at sign-up. */
import { defineProblems } from './define.js';

export const accountsProblems = defineProblems({
  email_taken: {
    status: 409,
    ru: 'Этот адрес почты уже зарегистрирован.',
    en: 'This email address is already registered.',
  },
  invalid_credentials: { status: 401, ru: 'Неверная почта или пароль.', en: 'Wrong email or password.' },
  email_not_verified: {
    status: 403,
    ru: 'Адрес почты ещё не подтверждён. Откройте ссылку из письма или запросите новое.',
    en: 'The email address is not confirmed yet. Open the link from the mail or ask for a new one.',
  },
  account_blocked: { status: 403, ru: 'Учётная запись заблокирована.', en: 'The account is blocked.' },
  token_invalid: {
    status: 400,
    ru: 'Ссылка недействительна или устарела. Запросите новую.',
    en: 'The link is invalid or has expired. Ask for a new one.',
  },
  wrong_password: { status: 400, ru: 'Текущий пароль указан неверно.', en: 'The current password is wrong.' },
  weak_password: { status: 400, ru: 'Пароль слишком простой.', en: 'The password is too weak.' },
  same_password: {
    status: 400,
    ru: 'Новый пароль совпадает с текущим.',
    en: 'The new password is the same as the current one.',
  },
  consent_version_outdated: {
    status: 409,
    ru: 'Текст согласия обновился. Прочитайте и подтвердите его заново.',
    en: 'The consent text has changed. Read and confirm it again.',
  },
  password_change_required: {
    status: 403,
    ru: 'Сначала смените временный пароль.',
    en: 'Change your temporary password first.',
  },
  login_throttled: {
    status: 429,
    ru: 'Слишком много неудачных попыток входа. Попробуйте через {seconds} с.',
    en: 'Too many failed login attempts. Try again in {seconds} s.',
  },
  user_not_found: {
    status: 400,
    ru: 'Учётной записи с этой почтой нет. Попросите человека сначала зарегистрироваться.',
    en: 'No account with this email. Ask the person to register first.',
  },
});
