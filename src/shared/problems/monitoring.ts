/** Problem codes of monitoring: a centre's work log and the twice-yearly rounds. */
import { defineProblems } from './define.js';

export const monitoringProblems = defineProblems({
  override_comment_required: {
    status: 400,
    ru: 'Объясните в комментарии, почему вычисленный балл заменён.',
    en: 'Explain in a comment why the computed score is overridden.',
  },
  date_in_future: {
    status: 400,
    ru: 'Дата ещё не наступила: записывайте то, что уже сделано.',
    en: 'The date is in the future: record what has already been done.',
  },
  before_center_opened: {
    status: 400,
    ru: 'Дата раньше открытия центра ({openedOn}).',
    en: 'The date is before the centre opened ({openedOn}).',
  },
  audience_required: {
    status: 400,
    ru: 'Укажите, кому дана консультация: добровольцам, активистам или НКО.',
    en: 'Say who the consultation was for: volunteers, activists or NGOs.',
  },
  audience_not_allowed: {
    status: 400,
    ru: 'Аудитория указывается только для консультаций.',
    en: 'An audience is given for consultations only.',
  },
  before_from: {
    status: 400,
    ru: 'Конец периода раньше начала.',
    en: 'The end of the period is before its start.',
  },
  entry_removed: {
    status: 409,
    ru: 'Запись удалена, её нельзя изменить.',
    en: 'The entry was removed and cannot be changed.',
  },
  round_exists: {
    status: 409,
    ru: 'Мониторинг за {year} год, {half}-е полугодие уже есть.',
    en: 'There is already a monitoring round for {year}, half {half}.',
  },
  period_in_future: {
    status: 400,
    ru: 'Это полугодие ещё не началось.',
    en: 'This half-year has not started yet.',
  },
  thresholds_order: {
    status: 400,
    ru: 'Порог жёлтой зоны не может быть выше порога зелёной.',
    en: 'The yellow threshold cannot be above the green one.',
  },
  no_active_centers: {
    status: 409,
    ru: 'В регионе нет действующих центров — оценивать некого.',
    en: 'The region has no active centres to rate.',
  },
  round_closed: {
    status: 409,
    ru: 'Мониторинг закрыт, изменить его нельзя.',
    en: 'The round is closed and cannot be changed.',
  },
  round_final: {
    status: 409,
    ru: 'Закрытый мониторинг нельзя открыть заново.',
    en: 'A closed round cannot be reopened.',
  },
  unknown_indicator: {
    status: 400,
    ru: 'Такого показателя в этом мониторинге нет.',
    en: 'No such indicator in this round.',
  },
  center_not_in_round: {
    status: 400,
    ru: 'Этот центр не участвует в мониторинге.',
    en: 'This centre is not in the round.',
  },
  score_above_max: {
    status: 400,
    ru: 'Балл не может быть больше максимума ({max}).',
    en: 'The score cannot exceed the maximum ({max}).',
  },
});
