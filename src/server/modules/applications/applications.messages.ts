/** Problem messages of the applications feature, added to the shared catalogue (platform/http/messages.ts). */
import { errorMessages } from '../../platform/http/messages.js';

Object.assign(errorMessages, {
  application_incomplete: {
    ru: 'Заполните заявку перед подачей.',
    en: 'Complete the application before submitting it.',
  },
  documents_incomplete: {
    ru: 'Не все обязательные документы этого этапа в порядке.',
    en: 'Not all required documents of this stage are in order.',
  },
  document_missing: { ru: 'Документ не загружен.', en: 'The document is not uploaded.' },
  document_returned: {
    ru: 'Документ возвращён — загрузите новую версию.',
    en: 'The document was returned — upload a new version.',
  },
  document_not_accepted: { ru: 'Документ ещё не принят.', en: 'The document is not accepted yet.' },
  document_accepted: {
    ru: 'Документ уже принят; новая версия не нужна.',
    en: 'The document is already accepted; no new version is needed.',
  },
  comment_required: { ru: 'Напишите комментарий.', en: 'Write a comment.' },
  application_closed: {
    ru: 'Заявка завершена — изменить её нельзя.',
    en: 'The application is closed and cannot be changed.',
  },
  application_not_editable: {
    ru: 'Заявку можно править только в черновике или на доработке.',
    en: 'The application can only be edited as a draft or when returned for changes.',
  },
  file_empty: { ru: 'Файл пустой.', en: 'The file is empty.' },
  file_too_large: {
    ru: 'Файл больше {maxMb} МБ.',
    en: 'The file is larger than {maxMb} MB.',
  },
  unsupported_file_type: {
    ru: 'Принимаются только файлы PDF, JPEG, PNG и DOCX.',
    en: 'Only PDF, JPEG, PNG and DOCX files are accepted.',
  },
  unknown_service_kind: {
    ru: 'Такой услуги нет в перечне.',
    en: 'No such service in the list.',
  },
  not_an_operator: {
    ru: 'Ответственным может быть только оператор региона.',
    en: 'Only an operator of the region can own a stage.',
  },
  code_taken: { ru: 'Такой код уже есть.', en: 'This code already exists.' },
  system_stage: {
    ru: 'Системный этап нельзя убрать или переставить.',
    en: 'A system stage cannot be retired or moved.',
  },
  stage_position: {
    ru: 'Этап рассмотрения должен стоять между «Подана» и «Центр открыт».',
    en: 'A review stage must stand between "Submitted" and "Opened".',
  },
  stage_in_use: {
    ru: 'На этом этапе есть заявки — сначала переведите их.',
    en: 'Applications are at this stage — move them first.',
  },
  unknown_stage: { ru: 'Такого этапа рассмотрения нет.', en: 'No such review stage.' },
});
