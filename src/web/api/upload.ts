/**
 * File uploads (multipart/form-data or a raw binary body) with the same headers as the typed client
 * (`X-Requested-With`, `Accept-Language`) and the same error type: a problem+json answer becomes an `ApiError`.
 * The JSON client cannot send files, so uploads go through here; the answer is typed by the caller.
 */
import type { Problem } from '../../shared/contracts/common';
import { currentLocale } from '../i18n';
import { ApiError, NETWORK_ERROR } from './client';

export interface UploadOptions {
  method?: 'POST' | 'PUT';
  /**
   * `multipart` (default): a form with the file under `fileField` plus `fields`;
   * `binary`: the file itself is the body, its name and the fields go in the query string.
   */
  mode?: 'multipart' | 'binary';
  fileField?: string;
  /** `binary` mode: the query parameter carrying the original file name (default `name`). */
  nameParam?: string;
  fields?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && typeof v.title === 'string';
}

/** A failed answer as an ApiError: the problem+json body, or a problem made from the HTTP status. */
export async function problemFrom(res: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    // Not JSON (e.g. a proxy's 413 page).
  }
  if (isProblem(payload)) {
    return new ApiError({
      ...payload,
      type: payload.type ?? 'about:blank',
      code: payload.code ?? `http_${res.status}`,
    });
  }
  return new ApiError({
    type: 'about:blank',
    title: res.statusText || `HTTP ${res.status}`,
    status: res.status,
    code: `http_${res.status}`,
  });
}

/** Sends one file to `url` and returns the parsed JSON answer (null for 204). */
export async function uploadFile<T>(url: string, file: File, options: UploadOptions = {}): Promise<T> {
  const {
    method = 'POST',
    mode = 'multipart',
    fileField = 'file',
    nameParam = 'name',
    fields = {},
    signal,
  } = options;
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLocale(),
    'X-Requested-With': 'dobroset',
  };
  let target = url;
  let body: BodyInit;
  if (mode === 'multipart') {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.append(key, value);
    form.append(fileField, file, file.name);
    body = form; // the browser sets the multipart boundary itself
  } else {
    const search = new URLSearchParams();
    search.set(nameParam, file.name);
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) search.set(key, value);
    target += `${url.includes('?') ? '&' : '?'}${search.toString()}`;
    headers['Content-Type'] = file.type || 'application/octet-stream';
    body = file;
  }

  let res: Response;
  try {
    res = await fetch(target, { method, headers, body, credentials: 'same-origin', signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: NETWORK_ERROR });
  }
  if (!res.ok) throw await problemFrom(res);
  if (res.status === 204 || res.headers.get('Content-Length') === '0') return null as T;
  return (await res.json()) as T;
}

/** A human size: 1.5 MB / 1,5 МБ. */
export function formatBytes(bytes: number, lng: string): string {
  const units = lng === 'en' ? ['B', 'KB', 'MB', 'GB'] : ['Б', 'КБ', 'МБ', 'ГБ'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(lng === 'en' ? 'en-GB' : 'ru-RU', {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${number} ${units[unit]}`;
}
