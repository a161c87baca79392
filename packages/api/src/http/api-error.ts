/** The `code` of every error the API answers with (README.md, "Errors"). */
export type ApiErrorCode =
  | 'invalid_parameter'
  | 'invalid_body'
  | 'invalid_json'
  | 'invalid_cursor'
  | 'payload_too_large'
  | 'unauthorized'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'not_implemented'
  | 'internal_error';

/**
 * An error the API answers as `{ "error": { "code", "message" } }` with `status`.
 * @example throw new ApiError(404, 'not_found', `No finding ${id}`);
 */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
