import { CustomsError, safeText } from '@customs/core';
import { errorKind } from '../live/aws-errors.js';
import { MemberRoleError } from './member-credentials.js';

/**
 * What AWS answers when an account or region cannot be read at all: the member role missing or
 * not trusting Customs (STS AssumeRole `AccessDenied`), STS not active in the region
 * (`RegionDisabledException`), a region the account has not opted in to (the services answer
 * `InvalidClientTokenId` / `UnrecognizedClientException`, EC2 `AuthFailure` / `OptInRequired`).
 */
const ACCOUNT_ERRORS = new Set([
  'RegionDisabledException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'AuthFailure',
  'OptInRequired',
]);

/**
 * Why a scope could not be read, when the error says the account or region is out of reach
 * (access denied, not-found role, region not enabled, STS throttling the member role's AssumeRole
 * after its retries): `<ErrorName>: <message>`, bounded and
 * control-escaped; undefined for any other error (the network, a bug), which is thrown.
 * @example accountFailure(Object.assign(new Error('not authorized to perform: sts:AssumeRole'), { name: 'AccessDenied', $metadata: {} }))
 */
export function accountFailure(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { Code?: unknown }).Code;
  const named = ACCOUNT_ERRORS.has(error.name) || (typeof code === 'string' && ACCOUNT_ERRORS.has(code));
  const customs =
    error instanceof CustomsError &&
    (error.kind === 'access-denied' ||
      error.kind === 'not-found' ||
      // STS still throttling after MemberCredentials' retries: the account is out of reach this time
      (error instanceof MemberRoleError && error.kind === 'throttled'));
  if (!named && !customs && errorKind(error) !== 'access-denied') return undefined;
  return safeText(`${error.name}: ${error.message}`, { maxLength: 300 });
}
