import { createHash } from 'node:crypto';
import { type EventScope, ecsCloudTrailEvent } from './aws-events.js';
import { editSnapshotJson, readSnapshotJson, writeSnapshotJson } from './snapshot-files.js';
import type { StoryStep } from './story-step.js';

/**
 * The ECS scene of the demo story: `payments-api:10` is registered with a privileged container and
 * an AWS access key in its environment and deployed to the `payments/payments-api` service, then
 * `payments-api:11`, without either, replaces it (both on `v2.14.0`, the image it ran before). The snapshot moves as ECS does once each
 * deployment has completed: the new revision in ListTaskDefinitions, the service's only (PRIMARY)
 * deployment on it, its running tasks replaced.
 */

const CLUSTER = 'payments';
const SERVICE = 'payments-api';
const FAMILY = 'payments-api';
const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
/** The payments-api image of a tag, as a task definition names it. */
export const paymentsImage = (tag: string) =>
  `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/team/payments-api:${tag}`;
const IMAGE = paymentsImage('v2.14.0');
/** The revisions of this scene (the deployed-image scene registers 8 and 9 before it). */
const LEAKY = 10;
const FIXED = 11;
const BEFORE = 9;
/** What `team/payments-api:v2.14.0` resolves to in the demo's ECR (its tasks run it). */
const ORIGINAL_DIGEST = 'sha256:3a50085ee225e05fce725f01bfc111805d3b58e928328afe0c391a0e1947571b';
const BASE = `${FAMILY}:7`;

type Json = Record<string, unknown>;
type Container = Json & { name: string };
type Definition = { taskDefinition: Json & { containerDefinitions: Container[] }; tags?: unknown[] };
type Service = Json & { serviceName: string; deployments?: Json[] };
type Task = Json & { group?: string; taskArn: string; containers?: Json[] };

const arnOf = (scope: EventScope, kind: string, name: string) =>
  `arn:aws:ecs:${scope.region}:${scope.accountId}:${kind}/${name}`;
const DEMO = { accountId: ACCOUNT, region: REGION };
const fileOf = (revision: string) => `ecs/DescribeTaskDefinition/${encodeURIComponent(revision)}.json`;
const hex = (seed: string, length: number) =>
  createHash('sha256').update(`brightwater/${seed}`).digest('hex').slice(0, length);
/** A deployment id as ECS prints it: `ecs-svc/` and 19 digits. */
const deploymentOf = (revision: number) =>
  `ecs-svc/${BigInt(`0x${hex(`deployment-${revision}`, 15)}`)
    .toString()
    .padStart(19, '7')
    .slice(0, 19)}`;

/** AWS's documented example key pair (IAM user guide), as a developer might paste it. */
const LEAKED_KEY = [
  { name: 'AWS_ACCESS_KEY_ID', value: 'AKIAIOSFODNN7EXAMPLE' },
  { name: 'AWS_SECRET_ACCESS_KEY', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
];
const ENVIRONMENT = [
  { name: 'LOG_LEVEL', value: 'info' },
  { name: 'LEDGER_TABLE', value: 'payments-ledger' },
];

/** The container as the developer registers it (RegisterTaskDefinition's `containerDefinitions[0]`). */
function registeredContainer(leaky: boolean, image = IMAGE): Container {
  return {
    name: 'payments-api',
    image,
    essential: true,
    readonlyRootFilesystem: true,
    user: '10001:10001',
    ...(leaky ? { privileged: true } : {}),
    environment: leaky ? [...ENVIRONMENT, ...LEAKED_KEY] : ENVIRONMENT,
    secrets: [
      {
        name: 'CARD_VAULT_TOKEN',
        valueFrom: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:payments/card-vault-token-Xf3k9Q`,
      },
    ],
    logConfiguration: {
      logDriver: 'awslogs',
      options: {
        'awslogs-group': '/ecs/payments-api',
        'awslogs-region': REGION,
        'awslogs-stream-prefix': 'ecs',
      },
    },
  };
}

/** RegisterTaskDefinition's request parameters (the API reference's names). */
function registerRequest(scope: EventScope, leaky: boolean, image = IMAGE): Json {
  return {
    family: FAMILY,
    taskRoleArn: `arn:aws:iam::${scope.accountId}:role/payments-api-task`,
    executionRoleArn: `arn:aws:iam::${scope.accountId}:role/ecs-task-execution`,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '512',
    memory: '1024',
    runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
    containerDefinitions: [registeredContainer(leaky, image)],
  };
}

/** The revision's DescribeTaskDefinition body: revision 7's, with the registered container. */
export async function registerRevision(
  dir: string,
  capturedAt: Date,
  revision: number,
  leaky: boolean,
  image = IMAGE,
) {
  const base = await readSnapshotJson<Definition>(dir, fileOf(BASE));
  const [container, ...others] = base.taskDefinition.containerDefinitions;
  const registered = registeredContainer(leaky, image);
  const { privileged: _, ...unprivileged } = container ?? registered;
  const body: Definition = {
    ...base,
    taskDefinition: {
      ...base.taskDefinition,
      taskDefinitionArn: arnOf(DEMO, 'task-definition', `${FAMILY}:${revision}`),
      revision,
      containerDefinitions: [{ ...unprivileged, ...registered }, ...others],
      registeredAt: new Date(capturedAt.getTime() - 10 * 60_000).toISOString(),
    },
  };
  await writeSnapshotJson(dir, fileOf(`${FAMILY}:${revision}`), body);
  await editSnapshotJson<{ taskDefinitionArns: string[] }>(dir, 'ecs/ListTaskDefinitions.json', (list) => ({
    taskDefinitionArns: [...list.taskDefinitionArns, arnOf(DEMO, 'task-definition', `${FAMILY}:${revision}`)],
  }));
}

/**
 * The service after the deployment completed: one PRIMARY deployment, on the new revision, its
 * tasks replaced (running `digest`, the image's digest ECS resolved, when given).
 */
export async function deploy(
  dir: string,
  capturedAt: Date,
  revision: number,
  digest?: string,
): Promise<void> {
  const definition = arnOf(DEMO, 'task-definition', `${FAMILY}:${revision}`);
  const id = deploymentOf(revision);
  const at = capturedAt.getTime() / 1000 - 5 * 60;
  await editSnapshotJson<{ services: Service[] }>(dir, `ecs/DescribeServices/${CLUSTER}.json`, (body) => ({
    ...body,
    services: body.services.map((service) => {
      if (service.serviceName !== SERVICE) return service;
      const [current] = service.deployments ?? [];
      return {
        ...service,
        taskDefinition: definition,
        deployments: [
          {
            ...current,
            id,
            status: 'PRIMARY',
            taskDefinition: definition,
            createdAt: at,
            updatedAt: at + 240,
            rolloutState: 'COMPLETED',
            rolloutStateReason: `ECS deployment ${id} completed.`,
          },
        ],
      };
    }),
  }));
  const tasks = (body: { tasks: Task[] }) =>
    body.tasks.map((task, index) => {
      if (task.group !== `service:${SERVICE}`) return task;
      const taskArn = arnOf(DEMO, 'task', `${CLUSTER}/${hex(`task-${revision}-${index}`, 32)}`);
      return {
        ...task,
        taskArn,
        taskDefinitionArn: definition,
        startedBy: id,
        containers: (task.containers ?? []).map((container) => ({
          ...container,
          taskArn,
          ...(digest === undefined ? {} : { imageDigest: digest }),
        })),
      };
    });
  let arns: string[] = [];
  await editSnapshotJson<{ tasks: Task[] }>(dir, `ecs/DescribeTasks/${CLUSTER}.json`, (body) => {
    const replaced = tasks(body);
    arns = replaced.map((task) => task.taskArn);
    return { ...body, tasks: replaced };
  });
  await writeSnapshotJson(dir, `ecs/ListTasks/${CLUSTER}.json`, { taskArns: arns });
}

/** RegisterTaskDefinition as CloudTrail records it: the request, and the revision in the response. */
export function registered(scope: EventScope, revision: number, leaky: boolean, image = IMAGE) {
  const request = registerRequest(scope, leaky, image);
  return ecsCloudTrailEvent(scope, 'RegisterTaskDefinition', request, {
    taskDefinition: {
      ...request,
      taskDefinitionArn: arnOf(scope, 'task-definition', `${FAMILY}:${revision}`),
      revision,
      status: 'ACTIVE',
      compatibilities: ['EC2', 'FARGATE'],
    },
  });
}

/** UpdateService to a new revision: the response's service has the new PRIMARY and the old ACTIVE deployment. */
export function updated(scope: EventScope, from: number, to: number) {
  const deployment = (revision: number, status: string, rolloutState: string) => ({
    id: deploymentOf(revision),
    status,
    taskDefinition: arnOf(scope, 'task-definition', `${FAMILY}:${revision}`),
    desiredCount: 3,
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    rolloutState,
  });
  return ecsCloudTrailEvent(
    scope,
    'UpdateService',
    { cluster: CLUSTER, service: SERVICE, taskDefinition: `${FAMILY}:${to}` },
    {
      service: {
        serviceArn: arnOf(scope, 'service', `${CLUSTER}/${SERVICE}`),
        serviceName: SERVICE,
        clusterArn: arnOf(scope, 'cluster', CLUSTER),
        status: 'ACTIVE',
        taskDefinition: arnOf(scope, 'task-definition', `${FAMILY}:${to}`),
        launchType: 'FARGATE',
        platformVersion: 'LATEST',
        deployments: [deployment(to, 'PRIMARY', 'IN_PROGRESS'), deployment(from, 'ACTIVE', 'COMPLETED')],
      },
    },
  );
}

export const ECS_SCENE: StoryStep[] = [
  {
    title: `A developer registers ${FAMILY}:${LEAKY} with a privileged container and an AWS access key in its environment, and deploys it to ${CLUSTER}/${SERVICE}`,
    async change(dir, capturedAt) {
      await registerRevision(dir, capturedAt, LEAKY, true);
      await deploy(dir, capturedAt, LEAKY, ORIGINAL_DIGEST);
    },
    events: (scope) => [registered(scope, LEAKY, true), updated(scope, BEFORE, LEAKY)],
  },
  {
    title: `The team registers ${FAMILY}:${FIXED}, unprivileged and with the key gone, and deploys it: nothing runs ${FAMILY}:${LEAKY} any more`,
    async change(dir, capturedAt) {
      await registerRevision(dir, capturedAt, FIXED, false);
      await deploy(dir, capturedAt, FIXED, ORIGINAL_DIGEST);
    },
    events: (scope) => [registered(scope, FIXED, false), updated(scope, LEAKY, FIXED)],
  },
];
