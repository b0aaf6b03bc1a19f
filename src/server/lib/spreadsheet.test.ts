import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Column, neutralizeFormula, type Table, toCsv, toXlsx } from './spreadsheet.js';

type Row = { name: string; code: string | null; day: string | null; flag: boolean; n: number };
const columns: Column<Row>[] = [
  { header: 'Название', kind: 'text', width: 10, value: (r) => r.name },
  { header: 'ИНН', kind: 'code', width: 12, value: (r) => r.code },
  { header: 'Дата', kind: 'date', width: 12, value: (r) => r.day },
  { header: 'Флаг', kind: 'bool', width: 6, value: (r) => r.flag },
  { header: 'Число', kind: 'int', width: 6, value: (r) => r.n },
];
const table = (rows: Row[]): Table<Row> => ({ sheetName: 'Проверка', columns, rows });
const rows: Row[] = [
  { name: 'Ёлка; «кавычки» "двойные"', code: '0012345678', day: '2024-02-29', flag: true, n: 3 },
  { name: 'строка 1\nстрока 2', code: null, day: null, flag: false, n: 0 },
  { name: '=1+2', code: '-5', day: '1999-12-31', flag: false, n: 12 },
  { name: 'упр\u0007символ', code: '@x', day: null, flag: true, n: 1 },
];

describe('formula neutralisation', () => {
  it('prefixes exactly the cells a spreadsheet would run as formulas', () => {
    expect(['=A1', '+7 999', '-1', '@SUM(A1)', '\tx', '\rx'].map(neutralizeFormula)).toEqual([
      "'=A1",
      "'+7 999",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect(['Дом культуры', ' =A1', 'a=b', '', '42'].map(neutralizeFormula)).toEqual([
      'Дом культуры',
      ' =A1',
      'a=b',
      '',
      '42',
    ]);
  });
});

describe('CSV', () => {
  const bytes = toCsv(table(rows));
  const text = bytes.toString('utf8');

  it('is UTF-8 with a BOM, `;`-separated, CRLF records, quoted where needed', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Название;ИНН;Дата;Флаг;Число',
      '"Ёлка; «кавычки» ""двойные""";0012345678;2024-02-29;да;3',
      '"строка 1\nстрока 2";;;нет;0',
      "'=1+2;'-5;1999-12-31;нет;12",
      "упрсимвол;'@x;;да;1",
      '',
    ]);
  });

  it('an empty table is the header row alone', () => {
    expect(toCsv(table([])).toString('utf8')).toBe('\uFEFFНазвание;ИНН;Дата;Флаг;Число\r\n');
  });
});

describe('XLSX', () => {
  it('typed cells: text codes, real dates, numbers; strings are never formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(table(rows), new Date('2026-01-02T03:04:05Z'))) as never);
    expect(workbook.creator).toBe('Добросеть');
    const sheet = workbook.getWorksheet('Проверка');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Название', 'ИНН', 'Дата', 'Флаг', 'Число']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:E1');

    expect(sheet.getCell('A2').value).toBe('Ёлка; «кавычки» "двойные"');
    expect(sheet.getCell('B2').value).toBe('0012345678');
    expect(sheet.getCell('B2').numFmt).toBe('@');
    expect(sheet.getCell('C2').value).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(sheet.getCell('C2').numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getCell('D2').value).toBe('да');
    expect(sheet.getCell('E2').value).toBe(3);
    expect(sheet.getCell('C3').value).toBeNull();
    expect(sheet.getCell('D3').value).toBe('нет');

    const formulaLike = sheet.getCell('A4');
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    expect(formulaLike.value).toBe('=1+2');
    expect(sheet.getCell('A5').value).toBe('упрсимвол');
    // Columns are at least as wide as asked, and grow with their content.
    expect(sheet.getColumn(1).width).toBeGreaterThan(20);
    expect(sheet.getColumn(2).width).toBe(12);
  });
});

describe('decimal cells', () => {
  type Score = { score: number | null };
  const scores: Table<Score> = {
    sheetName: 'Баллы',
    columns: [{ header: 'Балл', kind: 'decimal', width: 6, value: (r) => r.score }],
    rows: [{ score: 12.5 }, { score: 7 }, { score: null }],
  };

  it('CSV writes a decimal comma (Russian-locale Excel reads it as a number)', () => {
    const lines = toCsv(scores).toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(0, 4)).toEqual(['Балл', '12,5', '7', '']);
  });

  it('XLSX writes real numbers with a decimal format', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(scores, new Date('2026-01-01T00:00:00Z'))) as never);
    const sheet = workbook.getWorksheet('Баллы');
    expect(sheet?.getCell('A2').value).toBe(12.5);
    expect(sheet?.getCell('A3').value).toBe(7);
    expect(sheet?.getCell('A2').numFmt).toBe('0.0#');
  });
});
