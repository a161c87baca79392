import type { OneOrMany, PolicyPrincipal, PolicyStatement } from '../types/policy.js';

/** A policy element as a list, whether AWS wrote one value or many. */
export function asArray<T>(value: OneOrMany<T> | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The statements that allow. */
export function allowStatements(statements: PolicyStatement[]): PolicyStatement[] {
  return statements.filter((statement) => statement.Effect === 'Allow');
}

/**
 * Does an IAM action pattern (with `*` and `?` wildcards, case-insensitive) cover the action?
 * @example actionMatches('ecr:*', 'ecr:PutImage') // true
 */
export function actionMatches(pattern: string, action: string): boolean {
  const source = pattern
    .toLowerCase()
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(action.toLowerCase());
}

/** Does the statement's `Action` (not `NotAction`) name this exact pattern, such as `*` or `ecr:*`? */
export function namesAction(statement: PolicyStatement, pattern: string): boolean {
  return asArray(statement.Action).some((action) => action.toLowerCase() === pattern.toLowerCase());
}

/** Does the statement's `Action` allow any of the actions (wildcards in the statement expanded)? */
export function allowsAnyAction(statement: PolicyStatement, actions: string[]): boolean {
  return asArray(statement.Action).some((pattern) =>
    actions.some((action) => actionMatches(pattern, action)),
  );
}

/** Does the statement apply to every resource (`Resource: "*"`)? */
export function onAllResources(statement: PolicyStatement): boolean {
  return asArray(statement.Resource).includes('*');
}

/** The principals a statement names: AWS principals (ARNs or account ids), services, federated; `*` as `'*'`. */
export function principalValues(principal: PolicyPrincipal | undefined): { kind: string; value: string }[] {
  if (principal === undefined) return [];
  if (principal === '*') return [{ kind: '*', value: '*' }];
  return Object.entries(principal).flatMap(([kind, values]) =>
    asArray(values).map((value) => ({ kind, value })),
  );
}

/** Is the principal everyone: `"*"` or `{"AWS": "*"}`? */
export function isPublicPrincipal(principal: PolicyPrincipal | undefined): boolean {
  return principalValues(principal).some(
    ({ kind, value }) => value === '*' && (kind === '*' || kind === 'AWS'),
  );
}

/**
 * The AWS account an AWS principal belongs to: a 12-digit id or an IAM ARN's account; undefined
 * for `*` and for values that are neither.
 * @example accountOfPrincipal('arn:aws:iam::111122223333:role/ci') // '111122223333'
 */
export function accountOfPrincipal(value: string): string | undefined {
  if (/^\d{12}$/.test(value)) return value;
  const match = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(value);
  return match?.[1];
}

/** The condition keys a statement tests, lower-cased (`aws:principalorgid`, `sts:externalid`…). */
export function conditionKeys(statement: PolicyStatement): string[] {
  return Object.values(statement.Condition ?? {}).flatMap((block) =>
    Object.keys(block).map((key) => key.toLowerCase()),
  );
}
