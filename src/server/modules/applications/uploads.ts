/**
 * Upload checks: the type is decided by the bytes alone (file-type's magic numbers, plus a look inside a
 * ZIP for the parts a Word document must have), never by the file name or the declared content type.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../platform/errors.js';
import { fileIssue, fileTooLarge } from '../../platform/storage/uploads.js';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png', DOCX_MIME] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

/** Names of the entries in a ZIP's central directory (empty when it is not a readable ZIP). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  const stop = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== 0x02014b50) return [];
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > buf.length) return [];
    names.push(buf.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The sniffed type if it is one we accept, else null. */
export async function sniffDocumentType(bytes: Uint8Array): Promise<AcceptedType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return null;
  if (
    detected.mime === 'application/pdf' ||
    detected.mime === 'image/jpeg' ||
    detected.mime === 'image/png'
  ) {
    return detected.mime;
  }
  if (detected.ext === 'docx' || detected.ext === 'zip') {
    const names = zipEntryNames(bytes);
    if (names.includes('word/document.xml') && names.includes('[Content_Types].xml')) return DOCX_MIME;
  }
  return null;
}

/** Checks size and type; returns what to store. Throws 400 / 413 / 415 problems on field `file`. */
export async function inspectUpload(bytes: Uint8Array, maxBytes: number) {
  if (bytes.byteLength === 0) {
    throw new AppError(
      'file_empty',
      400,
      'The file is empty.',
      fileIssue('file_empty', 'The file is empty.'),
    );
  }
  if (bytes.byteLength > maxBytes) throw fileTooLarge(maxBytes);
  const contentType = await sniffDocumentType(bytes);
  if (!contentType) {
    throw new AppError(
      'unsupported_file_type',
      415,
      'Only PDF, JPEG, PNG and DOCX files are accepted.',
      fileIssue('unsupported_file_type', 'Only PDF, JPEG, PNG and DOCX files are accepted.'),
    );
  }
  return {
    contentType,
    size: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
