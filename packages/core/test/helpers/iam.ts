import type { AnyCheck } from '../../src/check/define-check.js';
import { CheckRegistry } from '../../src/check/registry.js';
import { evaluate } from '../../src/evaluate.js';
import { parsePolicyDocument } from '../../src/policy/index.js';
import type { Finding } from '../../src/types/finding.js';
import type { IamAccessKey, IamPolicy, Resource } from '../../src/types/resource.js';
import { iamPolicy, NOW } from './resources.js';

/** IAM test builders on top of resources.ts; policy documents go through the real parser. */
const ACCOUNT = '111122223333';
const DAY_MS = 86_400_000;

/**
 * The instant `days` days (and `hours` hours) before the fixed test time `NOW`.
 * @example daysAgo(91) // 2026-08-29T12:00:00Z
 */
export function daysAgo(days: number, hours = 0): Date {
  return new Date(NOW.getTime() - days * DAY_MS - hours * 3_600_000);
}

/**
 * A customer-managed policy whose document is given as AWS prints it (one Statement object or a list).
 * @example managedPolicy('admin', { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } })
 */
export function managedPolicy(
  name: string,
  document: unknown,
  overrides: Partial<IamPolicy> = {},
): IamPolicy {
  return iamPolicy({
    name,
    id: `arn:aws:iam::${ACCOUNT}:policy/${name}`,
    document: parsePolicyDocument(document),
    ...overrides,
  });
}

/**
 * An AWS managed policy (`arn:aws:iam::aws:policy/<name>`), attached once unless told otherwise.
 * @example awsManagedPolicy('AdministratorAccess', doc, { attachmentCount: 0 })
 */
export function awsManagedPolicy(
  name: string,
  document: unknown,
  overrides: Partial<IamPolicy> = {},
): IamPolicy {
  return managedPolicy(name, document, {
    id: `arn:aws:iam::aws:policy/${name}`,
    awsManaged: true,
    ...overrides,
  });
}

/**
 * A principal's inline policy, as GetAccountAuthorizationDetails lists it under UserPolicyList/RolePolicyList.
 * @example inlinePolicy('arn:aws:iam::111122223333:user/Bob', 'DenyBillingAndIAMPolicy', doc)
 */
export function inlinePolicy(principalArn: string, name: string, document: unknown): IamPolicy {
  return iamPolicy({
    id: `${principalArn}/inline-policy/${name}`,
    name,
    kind: 'inline',
    awsManaged: false,
    attachmentCount: 1,
    attachedTo: [principalArn],
    document: parsePolicyDocument(document),
  });
}

/**
 * An access key as ListAccessKeys and GetAccessKeyLastUsed describe it.
 * @example accessKey({ createdAt: daysAgo(120) })
 */
export function accessKey(overrides: Partial<IamAccessKey> = {}): IamAccessKey {
  return {
    id: 'AKIAIOSFODNN7EXAMPLE',
    active: true,
    createdAt: daysAgo(10),
    lastUsedAt: daysAgo(1),
    ...overrides,
  };
}

/**
 * Runs one check through `evaluate`, so that `unreadable` state is honoured as in production.
 * @example evaluateWith(check, iamAccount({ unreadable: { rootMfaEnabled: 'AccessDenied' } }))
 */
export function evaluateWith(check: AnyCheck, resource: Resource): Finding {
  const [finding] = evaluate(resource, { catalog: new CheckRegistry([check]), now: NOW });
  if (finding === undefined) throw new Error(`check ${check.id} does not apply to ${resource.type}`);
  return finding;
}
