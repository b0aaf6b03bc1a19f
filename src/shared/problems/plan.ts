/** Problem codes of the rollout plan. */
import { defineProblems } from './define.js';

export const planProblems = defineProblems({
  due_before_program: {
    status: 400,
    ru: 'Срок должен быть позже начала программы ({start}).',
    en: 'The due date must be after the programme start ({start}).',
  },
  coverage_above_total: {
    status: 400,
    ru: 'На {date} в регионе {total} муниципалитетов — цель охвата не может быть больше.',
    en: 'The region has {total} municipalities on {date}; the coverage target cannot be higher.',
  },
  target_exists: {
    status: 409,
    ru: 'Цель этого вида на эту дату уже есть — измените её.',
    en: 'A target of this kind for this date already exists — change it instead.',
  },
  plan_reason_required: {
    status: 400,
    ru: 'Укажите причину изменения плана.',
    en: 'Say why the plan changes.',
  },
  nothing_changed: {
    status: 400,
    ru: 'Новые значения совпадают с текущими.',
    en: 'The new values are the same as the current ones.',
  },
});
