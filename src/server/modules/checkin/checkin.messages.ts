/** Localised problem messages for the check-in codes (merged into the shared catalogue on import). */
import { errorMessages } from '../../platform/http/messages.js';

const messages = {
  checkin_token_invalid: {
    ru: 'QR-код не распознан или был заменён. Отсканируйте код, который висит на месте.',
    en: 'The QR code is not valid or has been replaced. Scan the code shown at the venue.',
  },
  checkin_token_expired: {
    ru: 'Срок действия этого QR-кода истёк.',
    en: 'This QR code has expired.',
  },
  checkin_target_required: {
    ru: 'Отсканируйте QR-код или выберите смену и введите короткий код.',
    en: 'Scan the QR code, or choose the shift and type the short code.',
  },
  checkin_code_invalid: { ru: 'Неверный код смены.', en: 'Wrong shift code.' },
  checkin_too_many_attempts: {
    ru: 'Слишком много неверных кодов. Попробуйте после {until} или отсканируйте QR-код.',
    en: 'Too many wrong codes. Try again after {until} or scan the QR code.',
  },
  checkin_not_open: {
    ru: 'Отметка на смене откроется {opensAt}.',
    en: 'Check-in opens at {opensAt}.',
  },
  checkin_closed: {
    ru: 'Отметка на этой смене закрылась {closedAt}.',
    en: 'Check-in for this shift closed at {closedAt}.',
  },
  checkin_shift_cancelled: { ru: 'Смена отменена.', en: 'This shift has been cancelled.' },
  not_signed_up: { ru: 'Вы не записаны на эту смену.', en: 'You are not signed up for this shift.' },
  signup_cancelled: {
    ru: 'Ваша запись на эту смену отменена.',
    en: 'Your signup for this shift was cancelled.',
  },
  signup_not_confirmed: {
    ru: 'Ваша запись ещё не подтверждена (заявка, лист ожидания или предложение места).',
    en: 'Your place is not confirmed yet (application, waitlist or a pending offer).',
  },
  already_checked_in: { ru: 'Вы уже отмечены на смене с {at}.', en: 'Already checked in since {at}.' },
  already_checked_out: { ru: 'Уход уже отмечен в {at}.', en: 'Already checked out at {at}.' },
  not_checked_in: { ru: 'Приход ещё не отмечен.', en: 'Not checked in yet.' },
  undo_check_in_first: {
    ru: 'Сначала отмените отметку о приходе.',
    en: 'Undo the check-in first.',
  },
  nothing_to_undo: { ru: 'Отменять нечего.', en: 'There is nothing to undo.' },
  walk_up_target_required: {
    ru: 'Укажите почту учётной записи или имя человека.',
    en: 'Give the e-mail of an account or the person’s name.',
  },
  walk_in_removed: { ru: 'Эта запись уже удалена.', en: 'This walk-in has been removed.' },
  walk_in_checked_out: { ru: 'Уход уже отмечен.', en: 'Already checked out.' },
};

for (const [code, text] of Object.entries(messages)) errorMessages[code] ??= text;
