/**
 * The printable sign-in sheet of one shift (A4, Russian): a header with the opportunity, centre, place,
 * local date and time and the places per role; a table of everyone on the roster with empty check-in
 * time and signature cells; blank numbered rows for walk-ups; the table header repeated on each page and
 * "стр. i из N" in the footer. Text is set in DejaVu Sans (a TTF from node_modules, embedded as a subset),
 * so Cyrillic prints and copies out of the PDF as text. The layout runs in small steps that yield to the
 * event loop, so a long sheet never stalls the other requests (issue 9; see docs/signups.md).
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

/** The columns; the number column grows to fit the largest row number, the signature one takes the rest. */
const HEADERS = ['№', 'ФИО', 'Роль', 'Контакт', 'Статус', 'Время прихода', 'Подпись'] as const;
const FIXED = { name: 118, role: 64, contact: 128, status: 66, time: 50 };
const MIN_NUMBER_WIDTH = 22;
const CELL_PAD = 3;
const ROW_FONT = 8;
/** Rows drawn between two yields to the event loop (each row is a few milliseconds of text layout). */
export const ROWS_PER_STEP = 8;

function columnWidths(numberWidth: number): number[] {
  const rest = PAGE.width - 2 * MARGIN - numberWidth;
  const fixed = FIXED.name + FIXED.role + FIXED.contact + FIXED.status + FIXED.time;
  return [numberWidth, FIXED.name, FIXED.role, FIXED.contact, FIXED.status, FIXED.time, rest - fixed];
}

/** Lets the event loop run other requests between steps of the layout. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

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
/** Where the table starts on the pages after the first (below the short running header). */
const NEXT_TOP = MARGIN + 18;

/**
 * Lays the sheet out in small steps, yielding to the event loop every ROWS_PER_STEP rows, and streams
 * each finished page out (no page buffering): the page count is known before the first row is drawn,
 * so each page gets its footer when it starts. A sheet of 1,200 people takes a second or two of CPU, but
 * no single step holds the loop for more than a few tens of milliseconds.
 */
export async function renderSignInSheet(sheet: SignInSheet): Promise<Buffer> {
  // pdfkit is loaded on the first PDF download, not at start-up.
  const { default: PDFDocument } = await import('pdfkit');
  const font = fontFiles();
  // No `font:` option here: pdfkit would then open the file again on every font switch (its cache misses
  // a registered name whose file is already open), which made a 1,200-row sheet take 30 s instead of 2.
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
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
  const period = when(sheet);
  const stamp = new Intl.DateTimeFormat('ru-RU', {
    timeZone: sheet.timezone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(sheet.generatedAt);
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
  line(`Дата и время: ${period}`, 10);
  line(`Места: ${places(sheet)}`, 10, 'regular', 10);

  // The whole table is known now: rows, blank rows to the end of the last page, pages.
  const firstTop = doc.y;
  const firstFit = rowsFitting(firstTop);
  const nextFit = rowsFitting(NEXT_TOP);
  const wanted = sheet.rows.length + MIN_BLANK_ROWS;
  const pages = wanted <= firstFit ? 1 : 1 + Math.ceil((wanted - firstFit) / nextFit);
  const total = firstFit + (pages - 1) * nextFit;
  // The number column is as wide as the largest number needs (1,000 and more no longer wrap).
  doc.font('regular').fontSize(ROW_FONT);
  const widths = columnWidths(
    Math.max(MIN_NUMBER_WIDTH, Math.ceil(doc.widthOfString(String(total))) + 2 * CELL_PAD + 2),
  );

  const footer = (page: number) => {
    const y = PAGE.height - MARGIN - 10;
    doc.font('regular').fontSize(8).fillColor('#555');
    doc.text(`Сформировано ${stamp}`, MARGIN, y, { width: width / 2, lineBreak: false });
    doc.text(`стр. ${page} из ${pages}`, MARGIN + width / 2, y, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
  };

  const cells = (y: number, values: readonly string[], header: boolean) => {
    const h = header ? HEAD_H : ROW_H;
    if (header) doc.rect(MARGIN, y, width, h).fill('#e8e8e8');
    doc.lineWidth(0.6).strokeColor('#444');
    let x = MARGIN;
    widths.forEach((w, i) => {
      doc.rect(x, y, w, h).stroke();
      const value = values[i] ?? '';
      if (value) {
        doc
          .font(header ? 'bold' : 'regular')
          .fontSize(header ? 7.5 : ROW_FONT)
          .fillColor('#000');
        if (i === 0 && !header) {
          // the row number: one line, never wrapped
          doc.text(value, x + CELL_PAD, y + (h - ROW_FONT) / 2, {
            width: w - 2 * CELL_PAD,
            lineBreak: false,
          });
        } else {
          const options = { width: w - 2 * CELL_PAD, height: h - 4, ellipsis: true };
          const textHeight = Math.min(doc.heightOfString(value, options), h - 4);
          doc.text(value, x + CELL_PAD, y + (h - textHeight) / 2, options);
        }
      }
      x += w;
    });
  };

  let page = 1;
  let top = firstTop;
  let fit = firstFit;
  let pageRows = 0;
  footer(page);
  for (let n = 1; n <= total; n++) {
    if (pageRows === fit) {
      doc.addPage({ size: 'A4', margin: 0 });
      page += 1;
      doc.font('regular').fontSize(8).fillColor('#555');
      doc.text(`${sheet.title} · ${period}`, MARGIN, MARGIN, { width, height: 12, ellipsis: true });
      footer(page);
      top = NEXT_TOP;
      fit = nextFit;
      pageRows = 0;
    }
    if (pageRows === 0) cells(top, HEADERS, true);
    const r = sheet.rows[n - 1];
    cells(
      top + HEAD_H + pageRows * ROW_H,
      r ? [String(n), r.name, r.role ?? '', r.contact ?? '', r.status, '', ''] : [String(n)],
      false,
    );
    pageRows += 1;
    if (n % ROWS_PER_STEP === 0) await yieldToLoop();
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
