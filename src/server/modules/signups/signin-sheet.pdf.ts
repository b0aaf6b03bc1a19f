/**
 * The printable sign-in sheet of one shift (A4, Russian): a header with the opportunity, centre, place,
 * local date and time and the places per role; a table of everyone on the roster with empty check-in
 * time and signature cells; blank numbered rows for walk-ups; the table header repeated on each page and
 * "стр. i из N" in the footer. Text is set in DejaVu Sans (a TTF from node_modules, embedded as a subset),
 * so Cyrillic prints and copies out of the PDF as text.
 */
import { createRequire } from 'node:module';

export type SignInSheet = {
  title: string;
  centerName: string;
  address: string | null;
  isOnline: boolean;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone of the region: dates and times are printed as the venue's clock shows them. */
  timezone: string;
  capacity: number;
  held: number;
  roles: { name: string; capacity: number; held: number }[];
  rows: { name: string; role: string | null; contact: string | null; status: string }[];
  generatedAt: Date;
};

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 36;
const ROW_H = 24;
const HEAD_H = 26;
const FOOTER_H = 22;
/** Blank rows after the roster (then the rest of that page is filled too). */
export const MIN_BLANK_ROWS = 10;

const COLUMNS = [
  { header: '№', width: 22 },
  { header: 'ФИО', width: 118 },
  { header: 'Роль', width: 64 },
  { header: 'Контакт', width: 128 },
  { header: 'Статус', width: 66 },
  { header: 'Время прихода', width: 50 },
  { header: 'Подпись', width: PAGE.width - 2 * MARGIN - (22 + 118 + 64 + 128 + 66 + 50) },
] as const;

const require = createRequire(import.meta.url);
let fonts: { regular: string; bold: string } | undefined;
/** Resolved at run time from node_modules (works from src under Vitest and from dist in production). */
function fontFiles() {
  fonts ??= {
    regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  };
  return fonts;
}

function when(sheet: SignInSheet): string {
  const zone = sheet.timezone;
  const day = new Intl.DateTimeFormat('ru-RU', {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat('ru-RU', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
  const offset =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(sheet.startsAt)
      .find((p) => p.type === 'timeZoneName')?.value ?? zone;
  const startDay = day.format(sheet.startsAt);
  const endDay = day.format(sheet.endsAt);
  const range =
    startDay === endDay
      ? `${startDay}, ${time.format(sheet.startsAt)}–${time.format(sheet.endsAt)}`
      : `${startDay}, ${time.format(sheet.startsAt)} — ${endDay}, ${time.format(sheet.endsAt)}`;
  return `${range} (местное время, ${offset.replace('GMT', 'UTC')})`;
}

function places(sheet: SignInSheet): string {
  const total = `занято ${sheet.held} из ${sheet.capacity}`;
  if (!sheet.roles.length) return total;
  return `${total}; по ролям: ${sheet.roles.map((r) => `${r.name} — ${r.held} из ${r.capacity}`).join('; ')}`;
}

/** How many table rows fit between `top` and the footer. */
const rowsFitting = (top: number) =>
  Math.max(1, Math.floor((PAGE.height - MARGIN - FOOTER_H - top - HEAD_H) / ROW_H));

export async function renderSignInSheet(sheet: SignInSheet): Promise<Buffer> {
  // pdfkit is loaded on the first PDF download, not at start-up.
  const { default: PDFDocument } = await import('pdfkit');
  const font = fontFiles();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    font: font.regular,
    lang: 'ru-RU',
    info: {
      Title: `Лист регистрации: ${sheet.title}`,
      Author: sheet.centerName,
      Creator: 'Добросеть',
      CreationDate: sheet.generatedAt,
    },
  });
  doc.registerFont('regular', font.regular);
  doc.registerFont('bold', font.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const width = PAGE.width - 2 * MARGIN;
  const line = (text: string, size: number, face: 'regular' | 'bold' = 'regular', gap = 4) => {
    doc.font(face).fontSize(size).fillColor('#000');
    doc.text(text, MARGIN, doc.y, { width });
    doc.y += gap;
  };

  // Header of the first page.
  doc.y = MARGIN;
  doc.font('regular').fontSize(9).fillColor('#555');
  doc.text('ЛИСТ РЕГИСТРАЦИИ ВОЛОНТЁРОВ', MARGIN, doc.y, { width, characterSpacing: 0.5 });
  doc.y += 4;
  line(sheet.title, 15, 'bold', 6);
  line(`Центр: ${sheet.centerName}`, 10);
  line(`Место: ${sheet.isOnline ? 'онлайн' : (sheet.address ?? 'не указано')}`, 10);
  line(`Дата и время: ${when(sheet)}`, 10);
  line(`Места: ${places(sheet)}`, 10, 'regular', 10);

  const cells = (y: number, values: string[], header: boolean) => {
    const h = header ? HEAD_H : ROW_H;
    if (header) doc.rect(MARGIN, y, width, h).fill('#e8e8e8');
    doc.lineWidth(0.6).strokeColor('#444');
    let x = MARGIN;
    COLUMNS.forEach((column, i) => {
      doc.rect(x, y, column.width, h).stroke();
      const value = values[i] ?? '';
      if (value) {
        doc
          .font(header ? 'bold' : 'regular')
          .fontSize(header ? 7.5 : 8)
          .fillColor('#000');
        const options = { width: column.width - 6, height: h - 4, ellipsis: true };
        const textHeight = Math.min(doc.heightOfString(value, options), h - 4);
        doc.text(value, x + 3, y + (h - textHeight) / 2, options);
      }
      x += column.width;
    });
  };

  const headerValues = COLUMNS.map((c) => c.header);
  let top = doc.y;
  let fit = rowsFitting(top);
  let pageRows = 0;
  let drawn = 0;
  const row = (values: string[]) => {
    if (pageRows === fit) {
      doc.addPage({ size: 'A4', margin: 0 });
      doc.font('regular').fontSize(8).fillColor('#555');
      doc.text(`${sheet.title} · ${when(sheet)}`, MARGIN, MARGIN, { width, height: 12, ellipsis: true });
      top = MARGIN + 18;
      fit = rowsFitting(top);
      pageRows = 0;
    }
    if (pageRows === 0) cells(top, headerValues, true);
    cells(top + HEAD_H + pageRows * ROW_H, values, false);
    pageRows += 1;
    drawn += 1;
  };
  for (const r of sheet.rows) {
    row([String(drawn + 1), r.name, r.role ?? '', r.contact ?? '', r.status, '', '']);
  }
  // Blank numbered rows for walk-ups: at least MIN_BLANK_ROWS, then to the end of that page.
  for (let blank = 0; blank < MIN_BLANK_ROWS || pageRows < fit; blank++) {
    row([String(drawn + 1), '', '', '', '', '', '']);
  }

  const stamp = new Intl.DateTimeFormat('ru-RU', {
    timeZone: sheet.timezone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(sheet.generatedAt);
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const y = PAGE.height - MARGIN - 10;
    doc.font('regular').fontSize(8).fillColor('#555');
    doc.text(`Сформировано ${stamp}`, MARGIN, y, { width: width / 2, lineBreak: false });
    doc.text(`стр. ${i + 1} из ${range.count}`, MARGIN + width / 2, y, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
