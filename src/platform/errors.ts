// The one error type. Services throw AppError with a stable code; the HTTP and gRPC layers map it.

export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'payment_required'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

const statusOf: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  /** Extra members of the problem document, e.g. `seatIds` for seats_unavailable. */
  readonly extra: Record<string, unknown>;
  /** Seconds for a Retry-After header. */
  readonly retryAfter: number | undefined;

  constructor(kind: ErrorKind, code: string, detail: string, extra: Record<string, unknown> = {}, retryAfter?: number) {
    super(detail);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.extra = extra;
    this.retryAfter = retryAfter;
  }

  get status(): number {
    return statusOf[this.kind];
  }
}

export const notFound = (what: string, code = 'not_found') => new AppError('not_found', code, `${what} was not found`);
export const conflict = (code: string, detail: string, extra?: Record<string, unknown>) =>
  new AppError('conflict', code, detail, extra);
export const unprocessable = (code: string, detail: string, extra?: Record<string, unknown>) =>
  new AppError('unprocessable', code, detail, extra);
export const forbidden = (detail = 'Your role does not allow this') => new AppError('forbidden', 'forbidden', detail);
export const unauthorized = (detail = 'Sign in to continue') => new AppError('unauthorized', 'unauthorized', detail);

/** A validation failure in the same shape as schema validation errors. */
export const validationFailed = (path: string, message: string) =>
  new AppError('unprocessable', 'validation_failed', message, { errors: [{ path, message }] });
