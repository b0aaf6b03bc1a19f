/** Localised messages for the monitoring module's problem codes (added to the shared catalogue on import). */
import { errorMessages } from '../../platform/http/messages.js';

Object.assign(errorMessages, {
  date_in_future: {
    ru: 'Дата ещё не наступила: записывайте то, что уже сделано.',
    en: 'The date is in the future: record what has already been done.',
  },
  before_center_opened: {
    ru: 'Дата раньше открытия центра ({openedOn}).',
    en: 'The date is before the centre opened ({openedOn}).',
  },
  audience_required: {
    ru: 'Укажите, кому дана консультация: добровольцам, активистам или НКО.',
    en: 'Say who the consultation was for: volunteers, activists or NGOs.',
  },
  audience_not_allowed: {
    ru: 'Аудитория указывается только для консультаций.',
    en: 'An audience is given for consultations only.',
  },
  before_from: { ru: 'Конец периода раньше начала.', en: 'The end of the period is before its start.' },
  entry_removed: {
    ru: 'Запись удалена, её нельзя изменить.',
    en: 'The entry was removed and cannot be changed.',
  },
  round_exists: {
    ru: 'Мониторинг за {year} год, {half}-е полугодие уже есть.',
    en: 'There is already a monitoring round for {year}, half {half}.',
  },
  period_in_future: {
    ru: 'Это полугодие ещё не началось.',
    en: 'This half-year has not started yet.',
  },
  thresholds_order: {
    ru: 'Порог жёлтой зоны не может быть выше порога зелёной.',
    en: 'The yellow threshold cannot be above the green one.',
  },
  no_active_centers: {
    ru: 'В регионе нет действующих центров — оценивать некого.',
    en: 'The region has no active centres to rate.',
  },
  round_closed: {
    ru: 'Мониторинг закрыт, изменить его нельзя.',
    en: 'The round is closed and cannot be changed.',
  },
  round_final: {
    ru: 'Закрытый мониторинг нельзя открыть заново.',
    en: 'A closed round cannot be reopened.',
  },
  unknown_indicator: {
    ru: 'Такого показателя в этом мониторинге нет.',
    en: 'No such indicator in this round.',
  },
  center_not_in_round: {
    ru: 'Этот центр не участвует в мониторинге.',
    en: 'This centre is not in the round.',
  },
  score_above_max: {
    ru: 'Балл не может быть больше максимума ({max}).',
    en: 'The score cannot exceed the maximum ({max}).',
  },
  comment_required: {
    ru: 'Объясните в комментарии, почему вычисленный балл заменён.',
    en: 'Explain in a comment why the computed score is overridden.',
  },
});
