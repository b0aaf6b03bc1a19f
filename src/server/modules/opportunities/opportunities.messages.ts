/** Localised problem messages for the opportunities codes (merged into the shared catalogue on import). */
import { errorMessages } from '../../platform/http/messages.js';

const messages = {
  opportunity_invalid: { ru: 'Проверьте поля возможности.', en: 'Please check the opportunity fields.' },
  search_invalid: { ru: 'Проверьте фильтры поиска.', en: 'Please check the search filters.' },
  shift_invalid: { ru: 'Проверьте данные смены.', en: 'Please check the shift.' },
  series_invalid: { ru: 'Проверьте правило повторения.', en: 'Please check the recurrence rule.' },
  template_invalid: { ru: 'Проверьте шаблон смен.', en: 'Please check the shift template.' },
  template_name_taken: {
    ru: 'Шаблон с таким названием уже есть.',
    en: 'A template with this name already exists.',
  },
  unknown_category: { ru: 'Неизвестная категория.', en: 'Unknown category.' },
  unknown_organization: { ru: 'Неизвестная организация.', en: 'Unknown organization.' },
  unknown_skill: { ru: 'Неизвестный навык «{code}».', en: 'Unknown skill "{code}".' },
  point_incomplete: { ru: 'Укажите и широту, и долготу.', en: 'Give both latitude and longitude.' },
  point_required: {
    ru: 'Для поиска рядом нужна точка на карте.',
    en: 'Searching near a place needs the place.',
  },
  range_reversed: { ru: 'Конец периода раньше начала.', en: 'The end date is before the start date.' },
  birth_date_unknown: {
    ru: 'Укажите дату рождения в профиле волонтёра.',
    en: 'Fill in your birth date in the volunteer profile.',
  },
  status_move_refused: {
    ru: 'Нельзя перевести возможность из статуса «{from}» в «{to}».',
    en: 'An opportunity cannot go from {from} to {to}.',
  },
  ends_before_start: {
    ru: 'Смена должна заканчиваться позже начала.',
    en: 'The shift must end after it starts.',
  },
  roles_over_capacity: {
    ru: 'Места ролей не могут превышать места смены.',
    en: 'Role places cannot exceed the shift places.',
  },
  duplicate_role: {
    ru: 'Роли в смене должны называться по-разному.',
    en: 'Roles of a shift need distinct names.',
  },
  capacity_below_taken: {
    ru: 'На смену уже записано больше людей ({taken}).',
    en: 'More people are already confirmed ({taken}).',
  },
  series_too_long: {
    ru: 'Повторение может длиться не больше года.',
    en: 'A recurrence can last at most a year.',
  },
  series_empty: { ru: 'По этому правилу не получается ни одной смены.', en: 'This rule makes no shift.' },
  weekdays_required: { ru: 'Выберите дни недели.', en: 'Choose the days of the week.' },
};

for (const [code, text] of Object.entries(messages)) errorMessages[code] ??= text;
