/**
 * Shared pieces of every raw-bytes upload route: the body parser that counts bytes while reading (over
 * the limit → 413 before the whole body is read), the problems on field `file`, and sniffing of images
 * by their bytes (never by the file name or the declared content type).
 */
import type { FastifyInstance } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, type FieldIssue } from '../errors.js';

export const fileIssue = (code: FieldIssue['code'], message: string, params?: Record<string, string>) => [
  { field: 'file', code, message, ...(params ? { params } : {}) },
];

export const fileTooLarge = (maxBytes: number) => {
  const maxMb = String(Math.round(maxBytes / 1_048_576));
  return new AppError(
    'file_too_large',
    413,
    `The file is larger than ${maxMb} MB.`,
    fileIssue('file_too_large', `At most ${maxMb} MB.`, { maxMb }),
  );
};

export const fileEmpty = () =>
  new AppError('file_empty', 400, 'The file is empty.', fileIssue('file_empty', 'The file is empty.'));

/**
 * Makes the (encapsulated) scope read any declared content type as raw bytes: the bytes decide what the
 * file is. The size is counted while reading; a declared or actual size over `maxBytes` is a 413.
 */
export function acceptRawBody(scope: FastifyInstance, maxBytes: number): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (request, payload, done) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) return done(fileTooLarge(maxBytes));
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    payload.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        done(fileTooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => {
      if (!failed) done(null, Buffer.concat(chunks));
    });
    payload.on('error', (error) => {
      if (!failed) {
        failed = true;
        done(error);
      }
    });
  });
}

export const IMAGE_TYPES = ['image/jpeg', 'image/png'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** JPEG or PNG by the file's magic bytes, else null. */
export async function sniffImageType(bytes: Uint8Array): Promise<ImageType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  return detected && (IMAGE_TYPES as readonly string[]).includes(detected.mime)
    ? (detected.mime as ImageType)
    : null;
}

/**
 * The extensions a file may be served with, by its type: the type an upload's bytes were found to be, or
 * the type of a file the server made (exports, calendars, the backup).
 */
const EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'text/csv': ['csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'text/calendar': ['ics'],
  'application/gzip': ['gz'],
};

/**
 * A file name that is safe to store, show and serve: NFC, no path, no control or invisible format
 * characters (bidi overrides and isolates U+202A–202E, U+2066–2069, marks U+200E/200F, U+061C, zero
 * widths, BOM, line separators), no leading dots, at most 200 characters — and the extension of the
 * type the bytes were found to be (`устав\u202Efdp.exe` with PDF bytes → `уставfdp.pdf`), never the
 * one the uploader chose.
 */
export function safeFileName(raw: string, contentType: string, fallback = 'document'): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const visible = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/["<>:|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  const allowed = EXTENSIONS[contentType] ?? ['bin'];
  const match = /^(.*)\.([\p{L}\p{N}]{1,10})$/u.exec(visible);
  const given = match?.[2]?.toLowerCase();
  // no leading dots (a hidden file), no trailing dots or spaces
  let stem = (match ? match[1] : visible)?.replace(/^[.\s]+|[.\s]+$/g, '') ?? '';
  let extension = allowed[0] as string;
  if (given && allowed.includes(given)) extension = given;
  // `отчёт.pdf.exe` → `отчёт.pdf`, not `отчёт.pdf.pdf`
  for (const ext of allowed) {
    if (stem.toLowerCase().endsWith(`.${ext}`)) {
      stem = stem.slice(0, -(ext.length + 1));
      extension = ext;
    }
  }
  const name = (stem || fallback).slice(0, 200 - extension.length - 1);
  return `${name}.${extension}`;
}
