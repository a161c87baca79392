import type { ResourceType } from '@customs/core';
import { API_SERVICES, type ApiService, type CallName, callInfo } from './calls.js';
import { ACCOUNT_CALLS, COLLECTOR_TYPES, callsOfType } from './collector-types.js';

/** A service the collector reads (the snapshot's folder and the IAM action prefix). */
export type Service = ApiService;

/** The services, in the order the policy lists them. */
export const SERVICES = API_SERVICES;

/**
 * The calls the readers can make (`ecr:DescribeImages`…): those of every resource type of
 * COLLECTOR_TYPES and the collector's own, without the stored-only ones, sorted.
 * @example readOperations().includes('ecr:ListImageReferrers') // true
 */
export function readOperations(): CallName[] {
  const types = Object.keys(COLLECTOR_TYPES) as ResourceType[];
  return [...new Set([...ACCOUNT_CALLS, ...types.flatMap(callsOfType)])].sort();
}

/**
 * Is the call authorized by IAM? Not a Kubernetes API read (CALLS' `inCluster`), which the
 * cluster authorizes (the access entry's access policy): it has no IAM action.
 * @example needsIam('k8s:ListPods') // false
 */
export function needsIam(name: CallName): boolean {
  const [service, operation] = name.split(':') as [ApiService, string];
  return callInfo(service, operation)?.inCluster === undefined;
}

/**
 * Every operation the readers call that IAM authorizes, by service (none for `k8s`): the source
 * of the published read-only IAM policy (`customs iam-policy`, packages/aws/iam-policy.json),
 * derived from COLLECTOR_TYPES.
 * @example READ_ACTIONS.ecr.includes('DescribeImages') // true
 */
export const READ_ACTIONS: Readonly<Record<ApiService, readonly string[]>> = Object.fromEntries(
  API_SERVICES.map((service) => [
    service,
    readOperations()
      .filter(needsIam)
      .filter((name) => name.startsWith(`${service}:`))
      .map((name) => name.slice(service.length + 1)),
  ]),
) as Record<ApiService, string[]>;

/**
 * Operations authorized by an IAM action of another name (CALLS' `action`): ListImageReferrers
 * needs `ecr:BatchGetImage` (Amazon ECR API reference, ListImageReferrers).
 */
export const ACTION_OF_OPERATION: Readonly<Record<string, string>> = Object.fromEntries(
  readOperations().flatMap(function authorizedBy(name) {
    const [service, operation] = name.split(':') as [ApiService, string];
    const action = callInfo(service, operation)?.action;
    return action ? [[name, action]] : [];
  }),
);

/**
 * The IAM actions that authorize those operations (the Kubernetes reads have none), sorted,
 * without repeats.
 * @example readActions().includes('ecr:BatchGetImage') // true
 */
export function readActions(): string[] {
  return [
    ...new Set(
      readOperations()
        .filter(needsIam)
        .map((operation) => ACTION_OF_OPERATION[operation] ?? operation),
    ),
  ].sort();
}

/**
 * The IAM actions one resource type needs (to list it and read it), sorted.
 * @example actionsOfType('eks-access-entry') // ['eks:DescribeAccessEntry', 'eks:ListAccessEntries', 'eks:ListAssociatedAccessPolicies']
 */
export function actionsOfType(type: ResourceType): string[] {
  return [
    ...new Set(
      callsOfType(type)
        .filter(needsIam)
        .map((name) => ACTION_OF_OPERATION[name] ?? name),
    ),
  ].sort();
}

/**
 * The identity-based policy that lets `customs scan --aws` and `customs record` read an
 * account: exactly the actions the readers call, on every resource.
 * @example JSON.stringify(iamPolicy(), null, 2)
 */
export function iamPolicy() {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'CustomsReadOnly',
        Effect: 'Allow',
        Action: readActions(),
        Resource: '*',
      },
    ],
  };
}
