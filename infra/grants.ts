import { type DeployOptions, type FunctionName, type GrantResource, grantsOf } from './permissions.js';

/** The deployed resources a grant can name (see `GrantResource`). */
export interface GrantScope {
  table: sst.aws.Dynamo;
  busArn: $util.Input<string>;
  deadLetterQueue?: sst.aws.Queue;
  sweepFunction?: sst.aws.Function;
  sweepQueue?: sst.aws.Queue;
}

/**
 * The `permissions` of one function: its grants from infra/permissions.ts (with what the deployment
 * opts in to) with the named resources resolved to ARNs in this account.
 * @example new sst.aws.Function('Api', { handler, permissions: permissionsOf('api', scope) });
 */
export function permissionsOf(
  name: FunctionName,
  scope: GrantScope,
  options: DeployOptions = { securityHub: false },
): sst.aws.FunctionArgs['permissions'] {
  const identity = aws.getCallerIdentityOutput();
  const partition = aws.getPartitionOutput();

  function resolve(resource: GrantResource): $util.Input<string> {
    switch (resource) {
      case 'findings-table':
        return scope.table.arn;
      case 'findings-table-indexes':
        return $interpolate`${scope.table.arn}/index/*`;
      case 'findings-table-stream':
        return scope.table.nodes.table.streamArn;
      case 'default-bus':
        return scope.busArn;
      case 'dead-letter-queue':
        return required(scope.deadLetterQueue, resource).arn;
      case 'sweep-function':
        return required(scope.sweepFunction, resource).arn;
      case 'sweep-queue':
        return required(scope.sweepQueue, resource).arn;
      case '*':
        return '*';
      default:
        return $resolve([partition.partition, identity.accountId]).apply(([partitionName, account]) =>
          resource.replaceAll('{partition}', partitionName).replaceAll('{account}', account),
        );
    }
  }

  function required<T>(value: T | undefined, resource: GrantResource): T {
    if (value === undefined) throw new Error(`infra: ${name} is granted "${resource}" but none was given`);
    return value;
  }

  return grantsOf(name, options).map((grant) => ({
    actions: [...grant.actions],
    resources: grant.resources.map(resolve),
  }));
}
