/** API shapes of rounds and indicators, and the rating as an export table (CSV / XLSX). */
import type { Indicator, RoundDetail, Zone } from '../../../shared/contracts/monitoring.js';
import type { Column, Table } from '../../lib/spreadsheet.js';
import type { RoundRow } from './monitoring.repo.js';
import type { IndicatorMethodColumn } from './monitoring.tables.js';

const person = (id: string | null, name: string | null | undefined) =>
  id ? { id, displayName: name ?? '' } : null;

export function toRoundView(r: RoundRow) {
  return {
    id: r.id,
    year: r.year,
    half: r.half,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    status: r.status,
    greenFrom: Number(r.green_from),
    yellowFrom: Number(r.yellow_from),
    centers: r.center_count,
    openedBy: person(r.opened_by, r.opened_by_name),
    openedAt: r.opened_at.toISOString(),
    closedBy: person(r.closed_by, r.closed_by_name),
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
    version: r.version,
  };
}

export function toIndicatorView(i: {
  code: string;
  name_ru: string;
  name_en: string;
  max_score: string;
  weight: string;
  method: IndicatorMethodColumn;
  position: number;
}): Indicator {
  return {
    code: i.code,
    nameRu: i.name_ru,
    nameEn: i.name_en,
    maxScore: Number(i.max_score),
    weight: Number(i.weight),
    method: i.method,
    position: i.position,
  };
}

const ZONE_RU: Record<Zone, string> = { green: 'зелёная', yellow: 'жёлтая', red: 'красная' };
/** Numbers in headers as Russian-locale text (a comma); cells use the `decimal` kind. */
const decimal = (x: number | null) => (x === null ? null : String(x).replace('.', ','));

type Row = RoundDetail['rows'][number];

export function ratingTable(detail: RoundDetail): Table<Row> {
  const columns: Column<Row>[] = [
    { header: 'Место', kind: 'int', width: 6, value: (r) => r.rank },
    { header: 'Центр', kind: 'text', width: 30, value: (r) => r.center.name },
    { header: 'Муниципалитет', kind: 'text', width: 24, value: (r) => r.center.municipality.nameRu },
    ...detail.indicators.map(
      (i): Column<Row> => ({
        header: `${i.nameRu} (из ${decimal(i.maxScore)})`,
        kind: 'decimal',
        width: 12,
        value: (r) => r.scores.find((s) => s.indicator === i.code)?.final ?? null,
      }),
    ),
    { header: 'Баллы', kind: 'decimal', width: 8, value: (r) => r.points },
    { header: 'Процент', kind: 'decimal', width: 8, value: (r) => r.percent },
    { header: 'Зона', kind: 'text', width: 10, value: (r) => ZONE_RU[r.zone] },
    { header: 'Все показатели оценены', kind: 'bool', width: 10, value: (r) => r.complete },
  ];
  return {
    sheetName: `Рейтинг ${detail.round.year}-${detail.round.half}`,
    columns,
    rows: detail.rows,
  };
}
