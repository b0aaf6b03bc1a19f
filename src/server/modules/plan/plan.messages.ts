/** Problem messages of the plan module, in Russian and English (added to the shared catalogue). */
import { errorMessages } from '../../platform/http/messages.js';

Object.assign(errorMessages, {
  due_before_program: {
    ru: 'Срок должен быть позже начала программы ({start}).',
    en: 'The due date must be after the programme start ({start}).',
  },
  coverage_above_total: {
    ru: 'На {date} в регионе {total} муниципалитетов — цель охвата не может быть больше.',
    en: 'The region has {total} municipalities on {date}; the coverage target cannot be higher.',
  },
  target_exists: {
    ru: 'Цель этого вида на эту дату уже есть — измените её.',
    en: 'A target of this kind for this date already exists — change it instead.',
  },
  comment_required: {
    ru: 'Укажите причину изменения плана.',
    en: 'Say why the plan changes.',
  },
  nothing_changed: {
    ru: 'Новые значения совпадают с текущими.',
    en: 'The new values are the same as the current ones.',
  },
});
