import { CustomsError, type CustomsErrorKind } from '@customs/core';

/** The `code` of every error the API answers with (README.md, "Errors"). */
const API_ERROR_CODES = [
  'invalid_parameter',
  'invalid_body',
  'invalid_json',
  'invalid_cursor',
  'payload_too_large',
  'unauthorized',
  'access_denied',
  'not_found',
  'method_not_allowed',
  'conflict',
  'throttled',
  'not_ready',
  'not_implemented',
  'internal_error',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

const CODES: ReadonlySet<string> = new Set(API_ERROR_CODES);

/**
 * How the API answers an error of each kind that is not an ApiError: the status, and the code
 * unless the error names one of the API's own (a store's InvalidCursorError: `invalid_cursor`).
 * An internal error is reported to `onError` and answered without its message.
 */
const ANSWER_OF_KIND: Readonly<Record<CustomsErrorKind, { status: number; code: ApiErrorCode }>> =
  Object.freeze({
    input: { status: 400, code: 'invalid_parameter' },
    'not-found': { status: 404, code: 'not_found' },
    'access-denied': { status: 403, code: 'access_denied' },
    throttled: { status: 503, code: 'throttled' },
    internal: { status: 500, code: 'internal_error' },
  });

/**
 * An error the API answers as `{ "error": { "code", "message" } }` with `status`.
 * @example throw new ApiError(404, 'not_found', `No finding ${id}`);
 */
export class ApiError extends CustomsError {
  override name = 'ApiError';
  declare readonly code: ApiErrorCode;

  constructor(
    readonly status: number,
    code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(kindOfStatus(status), message, { code });
  }
}

/** The kind an answer's status code says: 404 not found, 401 and 403 denied, 429 throttled, other 4xx input. */
function kindOfStatus(status: number): CustomsErrorKind {
  if (status === 404) return 'not-found';
  if (status === 401 || status === 403) return 'access-denied';
  if (status === 429 || status === 503) return 'throttled';
  return status >= 400 && status < 500 ? 'input' : 'internal';
}

/**
 * Any error as the API answers it: an ApiError as is; another CustomsError with its kind's
 * status (and its own code when it is one of the API's); anything else, or an internal error,
 * `undefined`: the handler reports it and answers 500 without details.
 * @example toApiError(new InvalidCursorError('The cursor is malformed')) // 400 invalid_cursor
 */
export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (!(error instanceof CustomsError) || error.kind === 'internal') return undefined;
  const answer = ANSWER_OF_KIND[error.kind];
  const code = error.code !== undefined && CODES.has(error.code) ? (error.code as ApiErrorCode) : answer.code;
  return new ApiError(answer.status, code, error.message);
}
