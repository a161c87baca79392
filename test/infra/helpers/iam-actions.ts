import type { Grant, GrantResource } from '../../../infra/permissions.js';
import type { SentCommand } from './intercept-aws.js';

/** The IAM service prefix of each SDK client the handlers use. */
const SERVICE_PREFIX: Record<string, string> = {
  DynamoDBClient: 'dynamodb',
  ECRClient: 'ecr',
  EKSClient: 'eks',
  ECSClient: 'ecs',
  EC2Client: 'ec2',
  IAMClient: 'iam',
  Inspector2Client: 'inspector2',
  EventBridgeClient: 'events',
  LambdaClient: 'lambda',
  SQSClient: 'sqs',
  SecurityHubClient: 'securityhub',
};

type Input = Record<string, unknown>;
type TransactItem = Partial<Record<'Put' | 'Update' | 'Delete' | 'ConditionCheck', { TableName?: string }>>;

const TRANSACT_ACTIONS = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
} as const;

/**
 * The operations whose IAM actions are not `prefix:Operation`, each with AWS's word for it. Every
 * other operation is authorized by the action of its own name (GetCredentialReport,
 * DescribeImages…), and each page of a paginated call is one more call of the same action.
 */
export const ACTION_EXCEPTIONS: Record<string, { source: string; actions(input: Input): string[] }> = {
  'ecr:ListImageReferrers': {
    source: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_ListImageReferrers.html',
    actions: () => ['ecr:BatchGetImage'],
  },
  'lambda:Invoke': {
    source: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html',
    actions: () => ['lambda:InvokeFunction'],
  },
  'sqs:SendMessageBatch': {
    source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-batch-api.html',
    actions: () => ['sqs:SendMessage'],
  },
  'dynamodb:TransactWriteItems': {
    source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html',
    actions: (input) =>
      ((input.TransactItems ?? []) as TransactItem[]).flatMap((item) =>
        (Object.keys(item) as (keyof TransactItem)[]).map((kind) => TRANSACT_ACTIONS[kind]),
      ),
  },
  'dynamodb:TransactGetItems': {
    source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html',
    actions: () => ['dynamodb:GetItem'],
  },
};

/** The deployed resources a command can name, as the function's environment names them. */
export interface DeployedNames {
  tableName: string;
  busName: string;
  sweepFunctionName?: string;
  sweepQueueUrl?: string;
}

/** A resource a grant names (infra/permissions.ts) or one the function has no grant for. */
type ResourceName = Exclude<GrantResource, `arn:${string}` | '*'> | `unknown ${string}`;

/** An IAM action on a deployed resource, or on no resource the deployment names (collector reads). */
export interface Permission {
  action: string;
  resource?: ResourceName;
}

function tablesOf(operation: string, input: Input): string[] {
  if (operation === 'BatchGetItem' || operation === 'BatchWriteItem')
    return Object.keys((input.RequestItems ?? {}) as Input);
  if (operation === 'TransactWriteItems' || operation === 'TransactGetItems') {
    return ((input.TransactItems ?? []) as TransactItem[]).flatMap((item) =>
      Object.values(item).map((request) => request?.TableName ?? ''),
    );
  }
  return [String(input.TableName)];
}

function resourceOf(command: SentCommand, names: DeployedNames, table?: string): ResourceName | undefined {
  const { client, input } = command;
  if (client === 'DynamoDBClient') {
    if (table !== names.tableName) return `unknown table ${table}`;
    return input.IndexName === undefined ? 'findings-table' : 'findings-table-indexes';
  }
  if (client === 'EventBridgeClient') {
    const buses = ((input.Entries ?? []) as { EventBusName?: string }[]).map((e) => e.EventBusName);
    return buses.every((bus) => (bus ?? 'default') === names.busName) ? 'default-bus' : 'unknown bus';
  }
  if (client === 'LambdaClient') {
    return input.FunctionName === names.sweepFunctionName
      ? 'sweep-function'
      : `unknown function ${String(input.FunctionName)}`;
  }
  if (client === 'SQSClient') {
    return input.QueueUrl === names.sweepQueueUrl ? 'sweep-queue' : `unknown queue ${String(input.QueueUrl)}`;
  }
  return undefined;
}

/**
 * The IAM permissions one sent command needs: its actions (see {@link ACTION_EXCEPTIONS}), each
 * on the deployed resource it names (the table or its indexes, the bus, the sweep function, the
 * sweep queue).
 * @example permissionsFor({ client: 'DynamoDBClient', operation: 'Query', input: { TableName, IndexName: 'byStatus' } }, names);
 */
export function permissionsFor(command: SentCommand, names: DeployedNames): Permission[] {
  const prefix = SERVICE_PREFIX[command.client] ?? command.client.replace(/Client$/, '').toLowerCase();
  const name = `${prefix}:${command.operation}`;
  const actions = ACTION_EXCEPTIONS[name]?.actions(command.input) ?? [name];
  const tables = command.client === 'DynamoDBClient' ? tablesOf(command.operation, command.input) : [];
  return actions.map((action, index) => {
    const resource = resourceOf(command, names, tables[index] ?? tables[0]);
    return resource === undefined ? { action } : { action, resource };
  });
}

/** `action` or `action on resource`, comparable between what is sent and what is granted. */
export function permissionKey(permission: Permission): string {
  return permission.resource ? `${permission.action} on ${permission.resource}` : permission.action;
}

/**
 * What grants allow, as permission keys: an action on a named deployed resource keeps the
 * resource; on ARN patterns or `*` (collector reads), the action alone.
 * @example grantedKeys(FUNCTION_PERMISSIONS.api); // ['dynamodb:GetItem on findings-table', …]
 */
export function grantedKeys(grants: readonly Grant[]): string[] {
  const keys = grants.flatMap((grant) =>
    grant.actions.flatMap((action) =>
      grant.resources.map((resource) =>
        resource === '*' || resource.startsWith('arn:')
          ? action
          : permissionKey({ action, resource: resource as ResourceName }),
      ),
    ),
  );
  return [...new Set(keys)].sort();
}
