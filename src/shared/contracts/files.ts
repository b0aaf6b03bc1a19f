/**
 * File endpoints: downloads whose answer is bytes, not JSON (iCalendar, CSV/XLSX exports, the PDF sign-in
 * sheet, photos, uploaded documents, the backup). They sit in the endpoint table like the JSON ones, with
 * `file` in place of `response`: `route()` registers them (validated params and query, the same auth and
 * problem+json errors, Content-Type, Content-Disposition, Cache-Control, the OpenAPI response by media
 * type) and the web client links to them with `fileUrl(name, params, query)`.
 */

/** The types file endpoints answer with, as sent in Content-Type (text with its charset). */
export const MEDIA = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  ics: 'text/calendar; charset=utf-8',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  gzip: 'application/gzip',
} as const;

export type FileResponse = {
  /** Every Content-Type the body may have (the OpenAPI media types); `route()` refuses to send any other. */
  readonly types: readonly string[];
  /** What the file is, for the OpenAPI document. */
  readonly description: string;
  /**
   * `attachment`: saved under the file name the handler gives; `inline`: shown in the page (an image).
   * None: no Content-Disposition (a calendar feed that calendar apps subscribe to).
   */
  readonly disposition?: 'attachment' | 'inline';
  /**
   * Whose names these are. `made` (the default): the server makes them from ASCII
   * (`dobroset-centers-2026-11-25.csv`) and sends `filename="…"`. `uploaded`: people chose them, in any
   * script, so they also go out as `filename*=UTF-8''…` (RFC 6266 / RFC 8187). Either way the name passes
   * through `safeFileName` first.
   */
  readonly names?: 'made' | 'uploaded';
  /**
   * Cache-Control. None: the platform's rule (no-store on personal answers, nothing on public ones
   * fetched without a session; `platform/http/security.ts`).
   */
  readonly cache?: string;
};

/** An export of registry or personal data: saved under the server's name, never kept by a cache. */
export const EXPORT_FILE = { disposition: 'attachment', cache: 'no-store' } as const;
