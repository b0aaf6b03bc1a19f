/** The three exports as tables: Russian headers and labels, one column description per field. */
import { localDay } from '../../../shared/time-zone.js';
import type { Column, Table } from '../../lib/spreadsheet.js';
import type { ApplicationExportRow, CenterExportRow, OrganizationExportRow } from './exports.repo.js';

export const EXPORTS = ['centers', 'organizations', 'applications'] as const;
export type ExportName = (typeof EXPORTS)[number];

const CENTER_STATUS: Record<string, string> = {
  active: 'работает',
  suspended: 'приостановлен',
  closed: 'закрыт',
};
const MUNICIPALITY_KIND: Record<string, string> = {
  urban_okrug: 'городской округ',
  municipal_okrug: 'муниципальный округ',
  municipal_district: 'муниципальный район',
};
const ORGANIZATION_KIND: Record<string, string> = {
  education: 'Образование',
  culture: 'Культура',
  youth_policy: 'Молодёжная политика',
  ngo: 'Некоммерческая организация',
  business: 'Бизнес',
  government: 'Органы власти и госучреждения',
  other: 'Другое',
};
const ORGANIZATION_SUBKIND: Record<string, string> = {
  university: 'Вуз',
  college: 'Колледж, техникум',
  school: 'Школа',
  supplementary_education_centre: 'Центр дополнительного образования',
  library: 'Библиотека',
  house_of_culture: 'Дом культуры',
  museum: 'Музей',
  theatre: 'Театр',
  youth_centre: 'Молодёжный центр',
  volunteer_association: 'Волонтёрское объединение',
  patriotic_organization: 'Патриотическая организация',
  charitable_foundation: 'Благотворительный фонд',
  public_association: 'Общественное объединение',
  autonomous_nonprofit: 'Автономная некоммерческая организация',
  company: 'Коммерческая компания',
  entrepreneur: 'Индивидуальный предприниматель',
  regional_authority: 'Региональный орган власти',
  municipal_administration: 'Администрация муниципалитета',
  state_institution: 'Государственное учреждение',
  other: 'Другое',
};
const label = (labels: Record<string, string>, code: string | null) =>
  code === null ? null : (labels[code] ?? code);

const centerColumns: Column<CenterExportRow>[] = [
  { header: 'Название', kind: 'text', width: 30, value: (r) => r.name },
  { header: 'Статус', kind: 'text', width: 14, value: (r) => label(CENTER_STATUS, r.status) },
  { header: 'Организация', kind: 'text', width: 30, value: (r) => r.organization_name },
  { header: 'ИНН организации', kind: 'code', width: 14, value: (r) => r.organization_inn },
  { header: 'ОГРН организации', kind: 'code', width: 17, value: (r) => r.organization_ogrn },
  { header: 'Организация-заглушка', kind: 'bool', width: 12, value: (r) => r.organization_is_placeholder },
  { header: 'Муниципалитет', kind: 'text', width: 26, value: (r) => r.municipality_name_ru },
  {
    header: 'Тип муниципалитета',
    kind: 'text',
    width: 20,
    value: (r) => label(MUNICIPALITY_KIND, r.municipality_kind),
  },
  { header: 'Адрес', kind: 'text', width: 30, value: (r) => r.address },
  { header: 'Дата открытия', kind: 'date', width: 12, value: (r) => r.opened_on },
  { header: 'Демо', kind: 'bool', width: 8, value: (r) => r.is_demo },
];

const organizationColumns = (timeZone: string): Column<OrganizationExportRow>[] => [
  { header: 'Название', kind: 'text', width: 30, value: (r) => r.name },
  { header: 'Тип', kind: 'text', width: 20, value: (r) => label(ORGANIZATION_KIND, r.kind) },
  { header: 'Вид', kind: 'text', width: 20, value: (r) => label(ORGANIZATION_SUBKIND, r.subkind) },
  { header: 'ИНН', kind: 'code', width: 14, value: (r) => r.inn },
  { header: 'ОГРН', kind: 'code', width: 17, value: (r) => r.ogrn },
  { header: 'Муниципалитет', kind: 'text', width: 26, value: (r) => r.municipality_name_ru },
  { header: 'Адрес', kind: 'text', width: 30, value: (r) => r.address },
  { header: 'Телефон', kind: 'text', width: 18, value: (r) => r.phone },
  { header: 'Электронная почта', kind: 'text', width: 24, value: (r) => r.email },
  { header: 'Сайт', kind: 'text', width: 24, value: (r) => r.website },
  { header: 'Заглушка', kind: 'bool', width: 10, value: (r) => r.is_placeholder },
  { header: 'Демо', kind: 'bool', width: 8, value: (r) => r.is_demo },
  { header: 'Представителей', kind: 'int', width: 10, value: (r) => r.representatives },
  { header: 'Зарегистрирована', kind: 'date', width: 12, value: (r) => localDay(r.created_at, timeZone) },
  { header: 'Изменена', kind: 'date', width: 12, value: (r) => localDay(r.updated_at, timeZone) },
];

const applicationColumns = (timeZone: string): Column<ApplicationExportRow>[] => [
  { header: 'Организация', kind: 'text', width: 30, value: (r) => r.organization_name },
  { header: 'ИНН', kind: 'code', width: 14, value: (r) => r.organization_inn },
  { header: 'Муниципалитет', kind: 'text', width: 26, value: (r) => r.municipality_name_ru },
  { header: 'Название центра', kind: 'text', width: 26, value: (r) => r.proposed_name },
  // The operator names the stages (application_stages); the code stands in for a stage without a row.
  { header: 'Этап', kind: 'text', width: 24, value: (r) => r.stage_name_ru ?? r.stage },
  { header: 'На этапе с', kind: 'date', width: 12, value: (r) => r.stage_since },
  {
    header: 'Подана',
    kind: 'date',
    width: 12,
    value: (r) => (r.submitted_at ? localDay(r.submitted_at, timeZone) : null),
  },
  { header: 'Ожидаемое открытие', kind: 'date', width: 12, value: (r) => r.expected_opening_on },
  { header: 'Демо', kind: 'bool', width: 8, value: (r) => r.is_demo },
];

/** Builds the table of one export from its rows. */
export const tables = {
  centers: (rows: CenterExportRow[]): Table<CenterExportRow> => ({
    sheetName: 'Добро.Центры',
    columns: centerColumns,
    rows,
  }),
  organizations: (rows: OrganizationExportRow[], timeZone: string): Table<OrganizationExportRow> => ({
    sheetName: 'Организации',
    columns: organizationColumns(timeZone),
    rows,
  }),
  applications: (rows: ApplicationExportRow[], timeZone: string): Table<ApplicationExportRow> => ({
    sheetName: 'Заявки на статус',
    columns: applicationColumns(timeZone),
    rows,
  }),
};
