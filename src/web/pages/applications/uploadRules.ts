/**
 * What the browser checks before sending a file (the server decides again by sniffing the bytes).
 * Copied from the contract's UPLOAD_ACCEPT so that no schema code lands in the web bundle.
 */
export const UPLOAD_RULES = {
  mimeTypes: [
    'application/pdf',
    'image/jpeg',
    'image/png',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  extensions: ['.pdf', '.jpg', '.jpeg', '.png', '.docx'],
  /** The server's default; the running server's limit comes from /api/public/config. */
  defaultMaxBytes: 10 * 1024 * 1024,
} as const;

export const ACCEPT_ATTRIBUTE = [...UPLOAD_RULES.extensions, ...UPLOAD_RULES.mimeTypes].join(',');

export type FileProblem = 'type' | 'size' | 'empty' | null;

/** A quick check by name and size; the declared type is ignored, as the server ignores it. */
export function fileProblem(file: File, maxBytes: number = UPLOAD_RULES.defaultMaxBytes): FileProblem {
  const name = file.name.toLowerCase();
  if (!UPLOAD_RULES.extensions.some((ext) => name.endsWith(ext))) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'size';
  return null;
}
