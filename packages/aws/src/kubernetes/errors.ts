import { CustomsError, type CustomsErrorKind, safeText } from '@customs/core';
import { QUOTED_BODY_LENGTH, VIEW_POLICY_ARN } from './constants.js';
import type { KubernetesCluster } from './types.js';

/** What went wrong with a Kubernetes API call. */
export type KubernetesProblem =
  | 'access-denied'
  | 'unreachable'
  | 'timeout'
  | 'tls'
  | 'not-json'
  | 'not-a-list'
  | 'too-large'
  | 'expired'
  | 'throttled'
  | 'http'
  | 'credentials'
  | 'bad-request';

const KINDS: Record<KubernetesProblem, CustomsErrorKind> = {
  'access-denied': 'access-denied',
  unreachable: 'internal',
  timeout: 'internal',
  tls: 'internal',
  'not-json': 'internal',
  'not-a-list': 'internal',
  'too-large': 'internal',
  expired: 'internal',
  throttled: 'throttled',
  http: 'internal',
  credentials: 'access-denied',
  'bad-request': 'input',
};

/** The cluster and call an error is about. */
export interface KubernetesCall {
  cluster: Pick<KubernetesCluster, 'name' | 'endpoint' | 'region'>;
  path: string;
}

/**
 * A Kubernetes API call that failed: the message names the cluster and the call (`GET <path>`), says
 * what came back (bounded, control characters escaped) and what to do about it. Never holds the token.
 * @example
 * try { await client.list('/api/v1/pods'); }
 * catch (error) { if (error instanceof KubernetesApiError && error.problem === 'access-denied') console.log(error.message); }
 */
export class KubernetesApiError extends CustomsError {
  override name = 'KubernetesApiError';
  readonly problem: KubernetesProblem;
  readonly cluster: string;
  readonly path: string;
  /** The HTTP status the API server answered, when it answered. */
  readonly status: number | undefined;

  constructor(
    problem: KubernetesProblem,
    call: KubernetesCall,
    what: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    const where = `Kubernetes API of EKS cluster ${safeText(call.cluster.name, { maxLength: 100 })}: GET ${safeText(call.path, { maxLength: 300 })}`;
    super(KINDS[problem], `${where}: ${what}`, {
      cause: options.cause,
      code: `kubernetes_${problem.replaceAll('-', '_')}`,
    });
    this.problem = problem;
    this.cluster = call.cluster.name;
    this.path = call.path;
    this.status = options.status;
  }
}

/** A bounded, escaped quote of a body that was not what was expected. */
export function quoteBody(body: string): string {
  return JSON.stringify(safeText(body.trim(), { maxLength: QUOTED_BODY_LENGTH }));
}

/** Whether a path reads RBAC objects, which AmazonEKSViewPolicy does not grant. */
function readsRbac(path: string): boolean {
  return path.startsWith('/apis/rbac.authorization.k8s.io/');
}

/**
 * The fix for a 401/403: an access entry with AmazonEKSViewPolicy, as AWS CLI commands.
 * @example accessFix({ name: 'prod', endpoint: '', region: 'eu-west-1' }, '/api/v1/pods')
 */
export function accessFix(call: KubernetesCall, principal: string | undefined): string {
  const name = safeText(call.cluster.name, { maxLength: 100 });
  const region = safeText(call.cluster.region, { maxLength: 40 });
  const who = principal
    ? safeText(principal, { maxLength: 200 })
    : '<the ARN of the IAM role Customs runs as>';
  const common = `--cluster-name ${name} --principal-arn ${who} --region ${region}`;
  const fix =
    `create an access entry for ${who} with AmazonEKSViewPolicy: aws eks create-access-entry ${common}` +
    ` && aws eks associate-access-policy ${common} --policy-arn ${VIEW_POLICY_ARN} --access-scope type=cluster`;
  if (!readsRbac(call.path)) return fix;
  return (
    `${fix}; AmazonEKSViewPolicy does not read RBAC objects, so also give the access entry a Kubernetes ` +
    'group bound to a ClusterRole that may get and list roles, rolebindings, clusterroles and ' +
    'clusterrolebindings (rbac.authorization.k8s.io)'
  );
}

/**
 * What to do when the endpoint cannot be reached (a private endpoint, a firewall).
 * @example unreachableFix({ name: 'prod', endpoint: 'https://X.gr7.eu-west-1.eks.amazonaws.com', region: 'eu-west-1' })
 */
export function unreachableFix(cluster: KubernetesCall['cluster']): string {
  return (
    `the endpoint ${safeText(cluster.endpoint, { maxLength: 200 })} cannot be reached: a private endpoint? ` +
    "run Customs where it can reach the cluster's VPC, or enable the public endpoint for Customs' address " +
    `(aws eks update-cluster-config --name ${safeText(cluster.name, { maxLength: 100 })} --region ` +
    `${safeText(cluster.region, { maxLength: 40 })} --resources-vpc-config ` +
    "endpointPublicAccess=true,publicAccessCidrs=<Customs' address>/32)"
  );
}
