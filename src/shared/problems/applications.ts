/** Problem codes of «Добро.Центр» status applications: the form, documents, review and settings. */
import { defineProblems } from './define.js';

export const applicationsProblems = defineProblems({
  application_incomplete: {
    status: 400,
    ru: 'Заполните заявку перед подачей.',
    en: 'Complete the application before submitting it.',
  },
  documents_incomplete: {
    status: 409,
    ru: 'Не все обязательные документы этого этапа в порядке.',
    en: 'Not all required documents of this stage are in order.',
  },
  document_missing: { status: 409, ru: 'Документ не загружен.', en: 'The document is not uploaded.' },
  document_returned: {
    status: 409,
    ru: 'Документ возвращён — загрузите новую версию.',
    en: 'The document was returned — upload a new version.',
  },
  document_not_accepted: {
    status: 409,
    ru: 'Документ ещё не принят.',
    en: 'The document is not accepted yet.',
  },
  document_accepted: {
    status: 409,
    ru: 'Документ уже принят; новая версия не нужна.',
    en: 'The document is already accepted; no new version is needed.',
  },
  return_comment_required: {
    status: 400,
    ru: 'Напишите, что исправить в документе.',
    en: 'Say what to fix in the document.',
  },
  application_closed: {
    status: 409,
    ru: 'Заявка завершена — изменить её нельзя.',
    en: 'The application is closed and cannot be changed.',
  },
  application_not_editable: {
    status: 409,
    ru: 'Заявку можно править только в черновике или на доработке.',
    en: 'The application can only be edited as a draft or when returned for changes.',
  },
  file_empty: { status: 400, ru: 'Файл пустой.', en: 'The file is empty.' },
  unsupported_file_type: {
    status: 415,
    ru: 'Принимаются только файлы PDF, JPEG, PNG и DOCX.',
    en: 'Only PDF, JPEG, PNG and DOCX files are accepted.',
  },
  unknown_service_kind: {
    status: 400,
    ru: 'Такой услуги нет в перечне.',
    en: 'No such service in the list.',
  },
  not_an_operator: {
    status: 400,
    ru: 'Ответственным может быть только оператор региона.',
    en: 'Only an operator of the region can own a stage.',
  },
  code_taken: { status: 409, ru: 'Такой код уже есть.', en: 'This code already exists.' },
  system_stage: {
    status: 409,
    ru: 'Системный этап нельзя убрать или переставить.',
    en: 'A system stage cannot be retired or moved.',
  },
  stage_position: {
    status: 400,
    ru: 'Этап рассмотрения должен стоять между «Подана» и «Центр открыт».',
    en: 'A review stage must stand between "Submitted" and "Opened".',
  },
  stage_in_use: {
    status: 409,
    ru: 'На этом этапе есть заявки — сначала переведите их.',
    en: 'Applications are at this stage — move them first.',
  },
  unknown_stage: { status: 400, ru: 'Такого этапа рассмотрения нет.', en: 'No such review stage.' },
});
