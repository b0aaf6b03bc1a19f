/** Problem codes several features share, each with one meaning. */
import { defineProblems } from './define.js';

export const commonProblems = defineProblems({
  reason_required: { status: 400, ru: 'Укажите причину решения.', en: 'Give the reason for this decision.' },
  comment_required: { status: 400, ru: 'Напишите комментарий.', en: 'Write a comment.' },
  illegal_transition: {
    status: 409,
    ru: 'Такой переход статуса невозможен: из «{from}» в «{to}». Допустимо: {allowed}.',
    en: 'This status change is not possible: from "{from}" to "{to}". Allowed: {allowed}.',
  },
  unknown_skill: { status: 400, ru: 'Неизвестный навык «{code}».', en: 'Unknown skill "{code}".' },
});
