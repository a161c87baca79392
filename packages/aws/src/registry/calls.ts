import type { CallInfo } from './call-info.js';
import { EC2_CALLS } from './ec2-calls.js';
import { ECR_CALLS } from './ecr-calls.js';
import { ECS_CALLS } from './ecs-calls.js';
import { EKS_CALLS } from './eks-calls.js';
import { IAM_CALLS } from './iam-calls.js';
import { INSPECTOR2_CALLS } from './inspector2-calls.js';
import { K8S_CALLS } from './k8s-calls.js';

/**
 * Every call of the readers, by service and operation: the single table the session's call specs
 * are typed by, the snapshot session validates files with, `customs iam-policy` is made of
 * (through COLLECTOR_TYPES) and the sweep estimate counts.
 * @example CALLS.ecr.DescribeImages.keys // ['repo']
 */
export const CALLS = {
  ecr: ECR_CALLS,
  eks: EKS_CALLS,
  ec2: EC2_CALLS,
  iam: IAM_CALLS,
  ecs: ECS_CALLS,
  k8s: K8S_CALLS,
  inspector2: INSPECTOR2_CALLS,
} as const;

/** A service the readers call (the snapshot's folder and the IAM action prefix). */
export type ApiService = keyof typeof CALLS;

/** The services, in the order of CALLS. */
export const API_SERVICES = Object.keys(CALLS) as ApiService[];

/** Every operation of a service, stored-only ones included. */
export type AnyOperation<S extends ApiService = ApiService> = S extends ApiService
  ? keyof (typeof CALLS)[S] & string
  : never;

/** `ecr:DescribeImages`: a call by its service and operation. */
export type CallName = { [S in ApiService]: `${S}:${AnyOperation<S>}` }[ApiService];

/**
 * The descriptor of a call.
 * @example callInfo('ecr', 'ListImageReferrers').action // 'ecr:BatchGetImage'
 */
export function callInfo(service: ApiService, operation: string): CallInfo | undefined {
  return (CALLS[service] as Record<string, CallInfo>)[operation];
}

/**
 * What a snapshot without the call's file says (its own `missing`, else by its keys).
 * @example missingMeans('ec2', 'DescribeSubnets') // 'not-recorded'
 */
export function missingMeans(service: ApiService, operation: string): 'absent' | 'not-recorded' {
  const info = callInfo(service, operation);
  return info?.missing ?? ((info?.keys.length ?? 0) > 0 ? 'absent' : 'not-recorded');
}

/** Every call, as `service:Operation` with its descriptor, in the order of CALLS. */
export function everyCall(): { name: CallName; service: ApiService; operation: string; info: CallInfo }[] {
  return API_SERVICES.flatMap((service) =>
    Object.entries(CALLS[service] as Record<string, CallInfo>).map(([operation, info]) => ({
      name: `${service}:${operation}` as CallName,
      service,
      operation,
      info,
    })),
  );
}
