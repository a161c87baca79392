import { type AwsAccount, safeText } from '@customs/core';
import type { Scope } from './wire.js';

/** What an account × region scope's resource is made of: the scope, how it is read, and its failure. */
export interface AwsAccountInput {
  scope: Scope;
  /** The member role assumed there (its name), or undefined for the deployment's own account. */
  memberRoleName?: string;
  /** Why the scope could not be opened or read ({@link accountFailure}'s reason); undefined when it was read. */
  failure?: string;
}

/**
 * Access key ids (`AKIA…`, `ASIA…`) and long base64 runs (secret keys are 40 characters, session
 * tokens hundreds): never in a finding, whatever an error's text held. Fixed or single-class
 * repetitions only: no backtracking on the error's text.
 */
const KEY_ID = /\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{16}\b/g;
const LONG_SECRET = /[A-Za-z0-9/+=]{40,}/g;

/** The reason as a finding may show it: bounded, control-escaped, anything key-shaped removed. */
function withoutKeys(reason: string): string {
  return safeText(reason, { maxLength: 400 }).replace(KEY_ID, '<key id>').replace(LONG_SECRET, '<redacted>');
}

/**
 * The `aws-account` resource of one account × region scope: readable (`access` says how), or
 * with `unreadable.access` holding why it could not be read, so that `aws-account-reachable` is
 * ERROR with that reason.
 * @example normaliseAwsAccount({ scope: { accountId: '444455556666', region: 'eu-west-1' }, memberRoleName: 'CustomsReadOnly' });
 */
export function normaliseAwsAccount(input: AwsAccountInput): AwsAccount {
  const { accountId, region } = input.scope;
  return {
    type: 'aws-account',
    id: `arn:aws:sts:${region}:${accountId}:account/${accountId}`,
    name: `${accountId}/${region}`,
    accountId,
    region,
    access:
      input.memberRoleName === undefined
        ? { via: 'home' }
        : { via: 'member-role', roleName: input.memberRoleName },
    ...(input.failure === undefined ? {} : { unreadable: { access: withoutKeys(input.failure) } }),
  };
}
