/** How the collector treats an error an AWS call ended with. */
export type ErrorKind = 'not-found' | 'access-denied' | 'service' | 'other';

/** The services' not-found errors: the resource or the optional configuration does not exist. */
const NOT_FOUND = new Set([
  'RepositoryNotFoundException',
  'RepositoryPolicyNotFoundException',
  'LifecyclePolicyNotFoundException',
  'ImageNotFoundException',
  'ScanNotFoundException',
  'RegistryPolicyNotFoundException',
  'ResourceNotFoundException',
  'NoSuchEntity',
  'NoSuchEntityException',
  'InvalidLaunchTemplateId.NotFound',
  'InvalidLaunchTemplateName.NotFoundException',
  'InvalidGroup.NotFound',
  'InvalidSubnetID.NotFound',
]);

/** Access denied, as each service names it (EC2 says UnauthorizedOperation). */
const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'AuthorizationError',
]);

/**
 * The Kubernetes client's errors (k8s-transport's KubernetesApiError: 401/403, unreachable, not
 * JSON…, its message naming the cluster, the call and what to do) and the readers' own
 * (KubernetesEndpointError): an answer about the cluster's API, which becomes `unreadable`.
 */
const KUBERNETES_ERRORS = new Set(['KubernetesApiError', 'KubernetesEndpointError']);

/**
 * Classifies an error thrown by an SDK client's `send` (or the Kubernetes client's, always a
 * `service` answer): a service's not-found, access denied,
 * another error the service answered with (after the SDK's retries), or anything else
 * (missing credentials, the network), which the collector does not swallow.
 * @example errorKind(new RepositoryPolicyNotFoundException({ message: '', $metadata: {} })) // 'not-found'
 */
export function errorKind(error: unknown): ErrorKind {
  if (!(error instanceof Error)) return 'other';
  if (KUBERNETES_ERRORS.has(error.name)) return 'service';
  const code = (error as { Code?: string }).Code;
  if (NOT_FOUND.has(error.name) || (code && NOT_FOUND.has(code))) return 'not-found';
  if ((error as { customsNotFound?: unknown }).customsNotFound === true) return 'not-found';
  if (ACCESS_DENIED.has(error.name) || (code && ACCESS_DENIED.has(code))) return 'access-denied';
  const answered =
    '$fault' in error || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return answered ? 'service' : 'other';
}

/** Names the action an error came from when it is not the call's own (a call made of several). */
export function deniedAs(error: unknown, action: string): unknown {
  if (error instanceof Error) Object.assign(error, { customsAction: action });
  return error;
}

/** The action an error names, else the call's. */
export function actionOf(error: unknown, fallback: string): string {
  const action = (error as { customsAction?: unknown } | undefined)?.customsAction;
  return typeof action === 'string' ? action : fallback;
}

/**
 * Marks a service's generic error as its not-found answer, where the service has no error of its
 * own for it: ECS DescribeTaskDefinition answers a revision that does not exist (or an INACTIVE
 * one nothing references) with `ClientException: Unable to describe task definition.`
 * @example throw missingTaskDefinition(error) ? asNotFound(error) : error;
 */
export function asNotFound(error: unknown): unknown {
  if (error instanceof Error) Object.assign(error, { customsNotFound: true });
  return error;
}

/** Is this ECS DescribeTaskDefinition's answer for a revision it cannot describe (none, or INACTIVE and unused)? */
export function missingTaskDefinition(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'ClientException' &&
    error.message.toLowerCase().includes('unable to describe task definition')
  );
}
