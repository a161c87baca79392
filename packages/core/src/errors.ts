/**
 * What kind of failure an error is. It decides, in one table each, how the front ends answer it:
 * the CLI's exit status, the API's status code, how a Lambda function logs it.
 * - `input`: bad input (an event, a file, a flag, a configuration value); fixing the input helps.
 * - `not-found`: what was asked for does not exist.
 * - `access-denied`: the caller, or Customs, may not read or do it.
 * - `throttled`: a service asked to slow down; a later retry may succeed.
 * - `internal`: anything else, a bug or a dependency failing.
 */
export type CustomsErrorKind = 'input' | 'not-found' | 'access-denied' | 'throttled' | 'internal';

export interface CustomsErrorOptions {
  /** The error this one explains (`Error.cause`). */
  cause?: unknown;
  /** A stable snake_case identifier for machines, e.g. the API's `error.code` (`invalid_cursor`). */
  code?: string;
}

/**
 * The base of every error Customs throws on purpose: a message for people and a `kind` for the
 * code that answers it. Anything thrown that is not a CustomsError is of kind `internal`.
 * @example
 * class InvalidCursorError extends CustomsError {
 *   override name = 'InvalidCursorError';
 *   constructor(message: string) { super('input', message, { code: 'invalid_cursor' }); }
 * }
 */
export class CustomsError extends Error {
  override name = 'CustomsError';
  readonly kind: CustomsErrorKind;
  readonly code: string | undefined;

  constructor(kind: CustomsErrorKind, message: string, options: CustomsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.code = options.code;
  }
}

/**
 * The kind of anything thrown: a CustomsError's own, else `internal`.
 * @example kindOf(new ConfigError('CUSTOMS_CONFIG is not valid JSON')) // 'input'
 */
export function kindOf(error: unknown): CustomsErrorKind {
  return error instanceof CustomsError ? error.kind : 'internal';
}

/** A check definition whose metadata is invalid, or a registry conflict (input: the catalog is code or configuration). */
export class CatalogError extends CustomsError {
  override name = 'CatalogError';

  constructor(message: string, options?: Omit<CustomsErrorOptions, 'code'>) {
    super('input', message, options);
  }
}

/** A configuration value that is invalid; the message names the key, the file or the environment variable. */
export class ConfigError extends CustomsError {
  override name = 'ConfigError';

  constructor(message: string, options?: Omit<CustomsErrorOptions, 'code'>) {
    super('input', message, options);
  }
}
