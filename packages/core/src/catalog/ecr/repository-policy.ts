import {
  accountOfPrincipal,
  actionMatches,
  asArray,
  conditionKeys,
  isPublicPrincipal,
  principalValues,
} from '../../policy/index.js';
import type { PolicyStatement } from '../../types/policy.js';

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

const restrictingKeys = new Set<string>(RESTRICTING_CONDITION_KEYS.map((key) => key.toLowerCase()));

/**
 * How a statement is named in messages: its `Sid`, else its position.
 * @example statementLabel({ Sid: 'AllowPull', Effect: 'Allow' }, 0) // 'statement "AllowPull"'
 */
export function statementLabel(statement: PolicyStatement, index: number): string {
  return statement.Sid ? `statement "${statement.Sid}"` : `Statement[${index}]`;
}

/** Does a condition operator narrow who matches? Negated, `...IfExists`, `Null` and `ForAllValues:` ones do not. */
function narrowsMatches(operator: string): boolean {
  const name = operator.toLowerCase();
  if (name.startsWith('forallvalues:') || name === 'null') return false;
  const base = name.replace(/^foranyvalue:/, '');
  return !base.includes('not') && !base.endsWith('ifexists');
}

/**
 * Does the statement carry a condition that restricts callers by `aws:PrincipalOrgID`,
 * `aws:PrincipalAccount`, `aws:SourceAccount` or `aws:SourceArn` to values other than `*`?
 * @example hasRestrictingCondition({ Effect: 'Allow', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }) // true
 */
export function hasRestrictingCondition(statement: PolicyStatement): boolean {
  if (!conditionKeys(statement).some((key) => restrictingKeys.has(key))) return false;
  return Object.entries(statement.Condition ?? {}).some(
    ([operator, block]) =>
      narrowsMatches(operator) &&
      Object.entries(block).some(
        ([key, value]) =>
          restrictingKeys.has(key.toLowerCase()) && asArray(value).some((item) => String(item) !== '*'),
      ),
  );
}

/**
 * Does an `Allow` statement grant everyone: principal `*`, `{"AWS": "*"}`, or a `NotPrincipal`
 * (an Allow with NotPrincipal grants every principal but the ones it names)?
 * @example grantsEveryone({ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }) // true
 */
export function grantsEveryone(statement: PolicyStatement): boolean {
  return (
    statement.Effect === 'Allow' &&
    (isPublicPrincipal(statement.Principal) || statement.NotPrincipal !== undefined)
  );
}

/**
 * The push actions an `Allow` statement grants, through `Action` (wildcards expanded) or
 * through a `NotAction` that leaves them out.
 * @example allowedPushActions({ Effect: 'Allow', Principal: '*', Action: 'ecr:*' }) // all four push actions
 */
export function allowedPushActions(statement: PolicyStatement): string[] {
  if (statement.Effect !== 'Allow') return [];
  if (statement.Action !== undefined) {
    const patterns = asArray(statement.Action);
    return PUSH_ACTIONS.filter((action) => patterns.some((pattern) => actionMatches(pattern, action)));
  }
  if (statement.NotAction === undefined) return [];
  const excluded = asArray(statement.NotAction);
  return PUSH_ACTIONS.filter((action) => !excluded.some((pattern) => actionMatches(pattern, action)));
}

/**
 * The principals of a statement that lie outside the resource's account and the trusted
 * accounts: `*`, a `NotPrincipal` (everyone else), and AWS principals of any other account or of
 * no recognisable account. Service and federated principals are not accounts and are left out.
 * @example outsidePrincipals({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' } }, '111122223333', [])
 * // ['arn:aws:iam::444455556666:root']
 */
export function outsidePrincipals(
  statement: PolicyStatement,
  accountId: string,
  trusted: string[],
): string[] {
  if (statement.NotPrincipal !== undefined) return ['every principal but the NotPrincipal'];
  return principalValues(statement.Principal)
    .filter(function isOutside({ kind, value }) {
      if (kind === '*' || (kind === 'AWS' && value === '*')) return true;
      if (kind !== 'AWS') return false;
      const account = accountOfPrincipal(value);
      return account === undefined || (account !== accountId && !trusted.includes(account));
    })
    .map(({ value }) => value);
}

/** The statement's actions as written, for messages. */
export function describeActions(statement: PolicyStatement): string {
  if (statement.Action !== undefined) return asArray(statement.Action).join(', ');
  return `every action but ${asArray(statement.NotAction).join(', ')}`;
}
