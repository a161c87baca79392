import { GLOBAL_REGION } from '@customs/core';

/** A timestamp as AWS tools print it: a Date (SDK), an ISO 8601 string or epoch seconds (CLI). */
export type Timestamp = Date | string | number;

/**
 * An SDK v3 output type as it reaches a normaliser from either the SDK or a CLI JSON file:
 * every field optional, timestamps as {@link Timestamp}, enums widened to `string`, blobs as
 * bytes or base64 text.
 */
export type Wire<T> = T extends Date
  ? Timestamp
  : T extends Uint8Array
    ? Uint8Array | string
    : T extends string
      ? string
      : T extends (infer U)[]
        ? Wire<U>[]
        : T extends object
          ? { [K in keyof T]?: Wire<T[K]> }
          : T;

/**
 * Reads a timestamp; undefined when absent or not a time.
 * @example toDate(1565128275) // 2019-08-06T21:51:15.000Z
 */
export function toDate(value: Timestamp | null | undefined): Date | undefined {
  if (value === undefined || value === null) return undefined;
  const date =
    value instanceof Date ? value : typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The parts of an ARN. */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

/**
 * Splits an ARN; undefined when the text is not one.
 * @example parseArn('arn:aws:eks:us-east-2:111122223333:cluster/prod')?.region // 'us-east-2'
 */
export function parseArn(arn: string | undefined): ArnParts | undefined {
  const match = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(arn ?? '');
  if (!match) return undefined;
  const [, partition = '', service = '', region = '', accountId = '', resource = ''] = match;
  return { partition, service, region, accountId, resource };
}

/** Where a normalised resource lives when its ARN does not say: the collector's scope. */
export interface Scope {
  accountId: string;
  region: string;
}

/**
 * IAM is global; its resources are recorded in us-east-1, where its CloudTrail events arrive:
 * core's `GLOBAL_REGION` (the registry's home region of the global services), kept under this name
 * for the packages that import it.
 */
export const IAM_REGION = GLOBAL_REGION;

/** Account and region of a resource: from its ARN, else the scope. */
export function locate(arn: string | undefined, scope: Scope): Scope {
  const parts = parseArn(arn);
  return {
    accountId: parts?.accountId || scope.accountId,
    region: parts?.region || scope.region,
  };
}
