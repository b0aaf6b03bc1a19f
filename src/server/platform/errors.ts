/** Typed application errors, thrown by services and mapped once to problem+json at the HTTP boundary. */
/** `params` fill `{placeholders}` in the localised message (they are not sent as such). */
export type FieldIssue = { field: string; code: string; message: string; params?: Record<string, string> };

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fieldErrors?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'resource') => new AppError('not_found', 404, `The ${what} was not found.`);
export const unauthorized = (message = 'Log in to continue.') => new AppError('unauthorized', 401, message);
export const forbidden = (message = 'You are not allowed to do this.') =>
  new AppError('forbidden', 403, message);
export const conflict = (code: string, message: string, fieldErrors?: FieldIssue[]) =>
  new AppError(code, 409, message, fieldErrors);
export const invalid = (code: string, message: string, fieldErrors?: FieldIssue[]) =>
  new AppError(code, 400, message, fieldErrors);
