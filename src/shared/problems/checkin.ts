/** Problem codes of check-in: QR tokens, short codes, the coordinator's desk, walk-ins. */
import { defineProblems } from './define.js';

export const checkinProblems = defineProblems({
  checkin_token_invalid: {
    status: 400,
    ru: 'QR-код не распознан или был заменён. Отсканируйте код, который висит на месте.',
    en: 'The QR code is not valid or has been replaced. Scan the code shown at the venue.',
  },
  checkin_token_expired: {
    status: 400,
    ru: 'Срок действия этого QR-кода истёк.',
    en: 'This QR code has expired.',
  },
  checkin_target_required: {
    status: 400,
    ru: 'Отсканируйте QR-код или выберите смену и введите короткий код.',
    en: 'Scan the QR code, or choose the shift and type the short code.',
  },
  checkin_code_invalid: { status: 400, ru: 'Неверный код смены.', en: 'Wrong shift code.' },
  checkin_too_many_attempts: {
    status: 429,
    ru: 'Слишком много неверных кодов. Попробуйте после {until} или отсканируйте QR-код.',
    en: 'Too many wrong codes. Try again after {until} or scan the QR code.',
  },
  checkin_not_open: {
    status: 409,
    ru: 'Отметка на смене откроется {opensAt}.',
    en: 'Check-in opens at {opensAt}.',
  },
  checkin_closed: {
    status: 409,
    ru: 'Отметка на этой смене закрылась {closedAt}.',
    en: 'Check-in for this shift closed at {closedAt}.',
  },
  checkin_shift_cancelled: { status: 409, ru: 'Смена отменена.', en: 'This shift has been cancelled.' },
  not_signed_up: {
    status: 409,
    ru: 'Вы не записаны на эту смену.',
    en: 'You are not signed up for this shift.',
  },
  signup_cancelled: {
    status: 409,
    ru: 'Ваша запись на эту смену отменена.',
    en: 'Your signup for this shift was cancelled.',
  },
  signup_not_confirmed: {
    status: 409,
    ru: 'Ваша запись ещё не подтверждена (заявка, лист ожидания или предложение места).',
    en: 'Your place is not confirmed yet (application, waitlist or a pending offer).',
  },
  already_checked_in: {
    status: 409,
    ru: 'Вы уже отмечены на смене с {at}.',
    en: 'Already checked in since {at}.',
  },
  already_checked_out: { status: 409, ru: 'Уход уже отмечен в {at}.', en: 'Already checked out at {at}.' },
  not_checked_in: { status: 409, ru: 'Приход ещё не отмечен.', en: 'Not checked in yet.' },
  undo_check_in_first: {
    status: 409,
    ru: 'Сначала отмените отметку о приходе.',
    en: 'Undo the check-in first.',
  },
  nothing_to_undo: { status: 409, ru: 'Отменять нечего.', en: 'There is nothing to undo.' },
  walk_up_target_required: {
    status: 400,
    ru: 'Укажите почту учётной записи или имя человека.',
    en: 'Give the e-mail of an account or the person’s name.',
  },
  walk_in_removed: { status: 409, ru: 'Эта запись уже удалена.', en: 'This walk-in has been removed.' },
  walk_in_checked_out: { status: 409, ru: 'Уход уже отмечен.', en: 'Already checked out.' },
});
