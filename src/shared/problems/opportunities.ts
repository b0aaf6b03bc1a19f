/** Problem codes of opportunities, shifts, recurrence, templates and search. */
import { defineProblems } from './define.js';

export const opportunitiesProblems = defineProblems({
  opportunity_invalid: {
    status: 400,
    ru: 'Проверьте поля возможности.',
    en: 'Please check the opportunity fields.',
  },
  search_invalid: { status: 400, ru: 'Проверьте фильтры поиска.', en: 'Please check the search filters.' },
  shift_invalid: { status: 400, ru: 'Проверьте данные смены.', en: 'Please check the shift.' },
  series_invalid: {
    status: 400,
    ru: 'Проверьте правило повторения.',
    en: 'Please check the recurrence rule.',
  },
  template_invalid: { status: 400, ru: 'Проверьте шаблон смен.', en: 'Please check the shift template.' },
  template_name_taken: {
    status: 409,
    ru: 'Шаблон с таким названием уже есть.',
    en: 'A template with this name already exists.',
  },
  unknown_category: { status: 400, ru: 'Неизвестная категория.', en: 'Unknown category.' },
  unknown_organization: { status: 400, ru: 'Неизвестная организация.', en: 'Unknown organization.' },
  point_incomplete: {
    status: 400,
    ru: 'Укажите и широту, и долготу.',
    en: 'Give both latitude and longitude.',
  },
  point_required: {
    status: 400,
    ru: 'Для поиска рядом нужна точка на карте.',
    en: 'Searching near a place needs the place.',
  },
  range_reversed: {
    status: 400,
    ru: 'Конец периода раньше начала.',
    en: 'The end date is before the start date.',
  },
  birth_date_unknown: {
    status: 400,
    ru: 'Укажите дату рождения в профиле волонтёра.',
    en: 'Fill in your birth date in the volunteer profile.',
  },
  status_move_refused: {
    status: 409,
    ru: 'Нельзя перевести возможность из статуса «{from}» в «{to}».',
    en: 'An opportunity cannot go from {from} to {to}.',
  },
  ends_before_start: {
    status: 400,
    ru: 'Смена должна заканчиваться позже начала.',
    en: 'The shift must end after it starts.',
  },
  roles_over_capacity: {
    status: 400,
    ru: 'Места ролей не могут превышать места смены.',
    en: 'Role places cannot exceed the shift places.',
  },
  duplicate_role: {
    status: 400,
    ru: 'Роли в смене должны называться по-разному.',
    en: 'Roles of a shift need distinct names.',
  },
  capacity_below_taken: {
    status: 409,
    ru: 'На смену уже записано больше людей ({taken}).',
    en: 'More people are already confirmed ({taken}).',
  },
  series_too_long: {
    status: 400,
    ru: 'Повторение может длиться не больше года.',
    en: 'A recurrence can last at most a year.',
  },
  series_empty: {
    status: 400,
    ru: 'По этому правилу не получается ни одной смены.',
    en: 'This rule makes no shift.',
  },
  weekdays_required: { status: 400, ru: 'Выберите дни недели.', en: 'Choose the days of the week.' },
});
