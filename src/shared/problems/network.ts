/** Problem codes of the network: municipalities and recorded municipal changes. */
import { defineProblems } from './define.js';

export const networkProblems = defineProblems({
  municipal_change_conflict: {
    status: 409,
    ru: 'Изменение не согласуется с муниципалитетами на эту дату.',
    en: 'The change does not fit the municipalities on that date.',
  },
  duplicate_predecessor: {
    status: 400,
    ru: 'Этот муниципалитет указан дважды.',
    en: 'This municipality is listed twice.',
  },
  one_predecessor_required: {
    status: 400,
    ru: 'Преобразование или переименование затрагивает ровно один муниципалитет.',
    en: 'A conversion or a rename ends exactly one municipality.',
  },
  successor_required: {
    status: 400,
    ru: 'Укажите правопреемника: существующий или новый муниципалитет.',
    en: 'Name the successor: an existing or a new one.',
  },
  successor_not_allowed: {
    status: 400,
    ru: 'У упразднённого муниципалитета нет правопреемника.',
    en: 'An abolished municipality has no successor.',
  },
  successor_is_predecessor: {
    status: 400,
    ru: 'Правопреемник не может быть одновременно упраздняемым муниципалитетом.',
    en: 'The successor cannot also be a predecessor.',
  },
  unknown_municipality: {
    status: 400,
    ru: 'Такого муниципалитета в регионе нет.',
    en: 'No such municipality in the region.',
  },
  municipality_not_in_force: {
    status: 400,
    ru: 'Такого действующего муниципалитета в регионе нет.',
    en: 'No such municipality in force in the region.',
  },
  not_in_force: {
    status: 400,
    ru: 'Муниципалитет не действует на эту дату.',
    en: 'The municipality is not in force on that date.',
  },
  starts_on_change_day: {
    status: 400,
    ru: 'Муниципалитет начинает действовать только с этой даты.',
    en: 'The municipality only starts on that date.',
  },
  already_ends: {
    status: 400,
    ru: 'Действие этого муниципалитета уже прекращено другим изменением.',
    en: 'Another change already ends this municipality.',
  },
  slug_taken: {
    status: 409,
    ru: 'Муниципалитет с таким кратким именем (slug) в регионе уже есть.',
    en: 'A municipality with this slug already exists in the region.',
  },
});
