/**
 * The two file formats every export is written in, from one table description: CSV for Russian-locale
 * Excel (UTF-8 with BOM, `;`, CRLF) and XLSX (typed cells, bold frozen header, auto filter).
 */
import { stringify } from 'csv-stringify/sync';

/**
 * How a column's values are written: `code` is text that must stay text (INN, OGRN: leading zeros);
 * `decimal` is a number with a fraction (a decimal comma in the CSV, as Russian-locale Excel reads it).
 */
export type CellKind = 'text' | 'code' | 'date' | 'bool' | 'int' | 'decimal';
/** A cell value before formatting; dates are 'YYYY-MM-DD' strings. */
export type CellValue = string | number | boolean | null;

export type Column<R> = {
  header: string;
  kind: CellKind;
  /** Minimum width in characters; the XLSX column grows with its content up to MAX_WIDTH. */
  width: number;
  value: (row: R) => CellValue;
};

export type Table<R> = { sheetName: string; columns: readonly Column<R>[]; rows: readonly R[] };

export type ExportFormat = 'csv' | 'xlsx';
export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const MAX_WIDTH = 60;
const YES = 'да';
const NO = 'нет';

/** Control characters XML 1.0 cannot carry (tab, LF and CR are fine). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters removed
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const cleanText = (s: string) => s.replace(CONTROL, '');

/**
 * CSV formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (tab and CR
 * also start one in some programs) as a formula. A leading apostrophe makes it text.
 */
export const neutralizeFormula = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

function csvCell(kind: CellKind, value: CellValue): string {
  if (value === null) return '';
  if (kind === 'bool') return value ? YES : NO;
  if (kind === 'decimal' && typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'number') return String(value);
  return neutralizeFormula(cleanText(String(value)));
}

export function toCsv<R>(table: Table<R>): Buffer {
  const records = [
    table.columns.map((c) => c.header),
    ...table.rows.map((row) => table.columns.map((c) => csvCell(c.kind, c.value(row)))),
  ];
  const text = stringify(records, {
    bom: true,
    delimiter: ';',
    record_delimiter: '\r\n',
    // A line break inside a value must be quoted whatever the record delimiter is.
    quoted_match: /[\r\n]/,
  });
  return Buffer.from(text, 'utf8');
}

/** 'YYYY-MM-DD' → a Date at UTC midnight, which exceljs writes as that very day's serial number. */
function excelDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function xlsxCell(kind: CellKind, value: CellValue): string | number | Date | null {
  if (value === null) return null;
  if (kind === 'bool') return value ? YES : NO;
  if (kind === 'date') return excelDate(String(value));
  if (kind === 'int' || kind === 'decimal') return Number(value);
  // Strings are written as string cells (never formulas), so no apostrophe is needed here.
  return cleanText(String(value));
}

const NUM_FMT: Partial<Record<CellKind, string>> = {
  code: '@',
  date: 'dd.mm.yyyy',
  int: '0',
  decimal: '0.0#',
};

export async function toXlsx<R>(table: Table<R>, created: Date): Promise<Buffer> {
  // exceljs is large: loaded on the first XLSX download, not at start-up.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Добросеть';
  workbook.created = created;
  workbook.modified = created;
  const sheet = workbook.addWorksheet(table.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  const widths = table.columns.map((c) => Math.max(c.width, c.header.length + 2));
  const rows = table.rows.map((row) =>
    table.columns.map((c, i) => {
      const cell = xlsxCell(c.kind, c.value(row));
      if (typeof cell === 'string')
        widths[i] = Math.max(widths[i] as number, Math.min(cell.length + 2, MAX_WIDTH));
      return cell;
    }),
  );
  sheet.columns = table.columns.map((c, i) => ({
    header: c.header,
    width: widths[i],
    ...(NUM_FMT[c.kind] ? { style: { numFmt: NUM_FMT[c.kind] } } : {}),
  }));
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
