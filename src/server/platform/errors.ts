/** Typed application errors, thrown by services and mapped once to problem+json at the HTTP boundary. */
import { type ProblemCode, problems } from '../../shared/problems/index.js';

export type { ProblemCode } from '../../shared/problems/index.js';

/**
 * One field's problem. `code` is from the catalogue (src/shared/problems), which gives the text shown in
 * the request's language; `message` is the English fallback for logs. `params` fill `{placeholders}`.
 */
export type FieldIssue = {
  field: string;
  code: ProblemCode;
  message: string;
  params?: Record<string, string>;
};

export class AppError extends Error {
  readonly status: number;

  /** The status defaults to the catalogue's, the message (English, for logs) to the catalogue's text. */
  constructor(
    readonly code: ProblemCode,
    status?: number,
    message?: string,
    readonly fieldErrors?: FieldIssue[],
  ) {
    super(message ?? problems[code].en);
    this.name = 'AppError';
    this.status = status ?? problems[code].status;
  }
}

export const notFound = (what = 'resource') => new AppError('not_found', 404, `The ${what} was not found.`);
export const unauthorized = (message = 'Log in to continue.') => new AppError('unauthorized', 401, message);
export const forbidden = (message = 'You are not allowed to do this.') =>
  new AppError('forbidden', 403, message);
export const conflict = (code: ProblemCode, message: string, fieldErrors?: FieldIssue[]) =>
  new AppError(code, 409, message, fieldErrors);
export const invalid = (code: ProblemCode, message: string, fieldErrors?: FieldIssue[]) =>
  new AppError(code, 400, message, fieldErrors);
