/**
 * Shared pieces of every raw-bytes upload route: the body parser that counts bytes while reading (over
 * the limit → 413 before the whole body is read), the problems on field `file`, and sniffing of images
 * by their bytes (never by the file name or the declared content type).
 */
import type { FastifyInstance } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors.js';

export const fileIssue = (code: string, message: string, params?: Record<string, string>) => [
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
