import type { PolicyGrant } from '../../types/policy.js';

/** Condition keys that tie a public principal to an organisation, account or calling resource. */
export const RESTRICTING_CONDITION_KEYS = [
  'aws:PrincipalOrgID',
  'aws:PrincipalAccount',
  'aws:SourceAccount',
  'aws:SourceArn',
] as const;

/** The actions that write an image into a repository. */
export const PUSH_ACTIONS = [
  'ecr:PutImage',
  'ecr:InitiateLayerUpload',
  'ecr:UploadLayerPart',
  'ecr:CompleteLayerUpload',
] as const;

/**
 * A grant's principal as the statement names it, for messages.
 * @example grantee({ principal: 'arn:aws:iam::444455556666:root', named: true, … }) // 'arn:aws:iam::444455556666:root'
 */
export function grantee(grant: PolicyGrant): string {
  if (grant.principal === 'NotPrincipal') return 'every principal its NotPrincipal does not name';
  return grant.named ? grant.principal : 'principal "*"';
}

/** ` (under aws:SourceIp, which does not restrict who)` for a conditional grant, '' otherwise. */
export function unrestrictingConditions(grant: PolicyGrant): string {
  return grant.conditions.length > 0
    ? ` (under a condition on ${grant.conditions.join(', ')}, which does not restrict who)`
    : '';
}
