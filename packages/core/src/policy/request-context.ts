import type { KeyState } from './conditions.js';
import type { Caller } from './principals.js';

const ABSENT: KeyState = { state: 'absent' };
const UNKNOWN: KeyState = { state: 'unknown' };
const known = (...values: string[]): KeyState => ({ state: 'known', values });

/**
 * The request context the evaluator knows for a caller making `action` directly (IAM: The request
 * context): who it is (`aws:PrincipalAccount`, `aws:PrincipalArn`, `aws:PrincipalOrgID`,
 * `aws:PrincipalOrgPaths`), that no service acts for a resource on its behalf (`aws:SourceAccount`
 * and `aws:SourceArn` are absent for an IAM principal's or an anonymous call), and `sts:ExternalId`,
 * which the caller of `sts:AssumeRole` presents as it likes (and no other action carries). Every
 * other key is unknown. Keys are lower-cased.
 * @example contextFor({ type: 'aws', account: '444455556666', arn, orgId: null }, 'sts:AssumeRole')('aws:principalorgid') // { state: 'absent' }
 */
export function contextFor(caller: Caller, action: string): (key: string) => KeyState {
  const assumeRole = action.toLowerCase() === 'sts:assumerole';
  // An unnamed arrow: a named function made per call costs a `name` definition under tsx's keepNames.
  return (key) => {
    if (key === 'sts:externalid') return assumeRole ? { state: 'supplied' } : ABSENT;
    switch (caller.type) {
      case 'aws':
        return awsKey(caller, key);
      case 'anonymous':
        return key.startsWith('aws:principal') || key.startsWith('aws:source') ? ABSENT : UNKNOWN;
      case 'attached':
        return key === 'aws:principalaccount' && caller.account ? known(caller.account) : UNKNOWN;
      default:
        return key === 'aws:principalaccount' || key === 'aws:principalarn' ? ABSENT : UNKNOWN;
    }
  };
}

function awsKey(caller: Caller, key: string): KeyState {
  switch (key) {
    case 'aws:principalaccount':
      return caller.account ? known(caller.account) : UNKNOWN;
    case 'aws:principalarn':
      return caller.arn ? known(caller.arn) : UNKNOWN;
    case 'aws:principalorgid':
      return orgKey(caller.orgId, (org) => org);
    case 'aws:principalorgpaths':
      return orgKey(caller.orgId, (org) => `${org}/r-customs/`);
    case 'aws:sourceaccount':
    case 'aws:sourcearn':
    case 'aws:sourceorgid':
    case 'aws:sourceorgpaths':
      return ABSENT;
    default:
      return UNKNOWN;
  }
}

function orgKey(orgId: string | null | undefined, value: (org: string) => string): KeyState {
  if (orgId === undefined) return UNKNOWN;
  return orgId === null ? ABSENT : known(value(orgId));
}
