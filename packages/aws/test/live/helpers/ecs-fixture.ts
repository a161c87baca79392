import { snapshotPath } from '../../../src/index.js';
import { cliJson } from '../../helpers/fixtures.js';
import type { SnapshotFiles } from './snapshot-files.js';

type Body = Record<string, unknown>;

/** The fixtures' account and region (fixture-account.ts). */
const ACCOUNT = '111122223333';
const REGION = 'us-east-2';
/** The IAM get-role sample's role, named by the derived revision. */
export const TASK_ROLE = 'arn:aws:iam::123456789012:role/Test-Role';
export const SECURITY_AUDIT = 'arn:aws:iam::aws:policy/SecurityAudit';
/** The derived revision's image: a repository of the fixtures' own ECR (describe-repositories' `project-a/…`). */
export const OWN_IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/project-a/amazon-ecs-sample:latest`;
export const RUNNING_DIGEST = 'sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5';

/**
 * ECS in the fixture account, from AWS's `aws ecs …` samples (fixtures/cli/ecs): the clusters of
 * describe-clusters-1 and -2, describe-services in `default`, list-task-definitions-1 plus the
 * describe-task-definition sample (`hello_world:8`), and describe-tasks-1's task running in
 * `default`. What AWS publishes no sample of is derived and said so:
 * - `hello_world:7`: the hello_world:8 body as revision 7, with the get-role sample's role as task
 *   and execution role and its `wordpress` image in the account's own ECR; describe-tasks-1's
 *   task runs it (its container named `wordpress`, with an image digest), so it is in use
 *   although not the latest;
 * - `amazon-ecs-sample:1`, the service's revision: the hello_world:8 body under that name;
 * - DescribeCapacityProviders of `sampleCapacityProvider`, GetPolicy of SecurityAudit (default
 *   version `v2`, get-policy-version's), and one inline policy of the role.
 */
export function addEcs(files: SnapshotFiles): void {
  const set = (service: string, operation: string, keys: string[], body: unknown) =>
    files.set(snapshotPath(service, operation, ...keys), body);
  const clusters = [
    ...(cliJson('ecs/describe-clusters-1.json') as { clusters: Body[] }).clusters,
    ...(cliJson('ecs/describe-clusters-2.json') as { clusters: Body[] }).clusters,
  ];
  set('ecs', 'ListClusters', [], { clusterArns: clusters.map((cluster) => cluster.clusterArn) });
  set('ecs', 'DescribeClusters', [], { clusters, failures: [] });
  set('ecs', 'DescribeCapacityProviders', [], {
    capacityProviders: [
      {
        capacityProviderArn: 'arn:aws:ecs:af-south-1:123456789222:capacity-provider/sampleCapacityProvider',
        name: 'sampleCapacityProvider',
        status: 'ACTIVE',
        autoScalingGroupProvider: {
          autoScalingGroupArn:
            'arn:aws:autoscaling:af-south-1:123456789222:autoScalingGroup:a1b2c3d4:autoScalingGroupName/sample',
          managedTerminationProtection: 'DISABLED',
        },
      },
    ],
    failures: [],
  });
  const services = cliJson('ecs/describe-services.json') as { services: Body[] };
  set('ecs', 'ListServices', ['default'], { serviceArns: services.services.map((s) => s.serviceArn) });
  set('ecs', 'DescribeServices', ['default'], services);
  set('ecs', 'ListServices', ['sampleCluster'], { serviceArns: [] });
  const definition = cliJson('ecs/describe-task-definition.json') as { taskDefinition: Body; tags: [] };
  const listed = cliJson('ecs/list-task-definitions-1.json') as { taskDefinitionArns: string[] };
  set('ecs', 'ListTaskDefinitions', [], {
    taskDefinitionArns: [...listed.taskDefinitionArns, definition.taskDefinition.taskDefinitionArn],
  });
  set('ecs', 'DescribeTaskDefinition', ['hello_world:8'], definition);
  const seventh = String(definition.taskDefinition.taskDefinitionArn).replace(/:8$/, ':7');
  const containers = definition.taskDefinition.containerDefinitions as Body[];
  set('ecs', 'DescribeTaskDefinition', ['hello_world:7'], {
    ...definition,
    taskDefinition: {
      ...definition.taskDefinition,
      taskDefinitionArn: seventh,
      revision: 7,
      taskRoleArn: TASK_ROLE,
      executionRoleArn: TASK_ROLE,
      containerDefinitions: containers.map((container) =>
        container.name === 'wordpress' ? { ...container, image: OWN_IMAGE } : container,
      ),
    },
  });
  // the service's revision, of which AWS publishes no description: the sample's body under its name
  const serviceRevision = String((services.services[0] as Body).taskDefinition);
  set('ecs', 'DescribeTaskDefinition', ['amazon-ecs-sample:1'], {
    ...definition,
    taskDefinition: {
      ...definition.taskDefinition,
      taskDefinitionArn: serviceRevision,
      family: 'amazon-ecs-sample',
      revision: 1,
    },
  });
  const tasks = cliJson('ecs/describe-tasks-1.json') as { tasks: Body[] };
  const task = tasks.tasks[0] as Body;
  const [container] = task.containers as Body[];
  set('ecs', 'ListTasks', ['default'], { taskArns: [task.taskArn] });
  set('ecs', 'DescribeTasks', ['default'], {
    ...tasks,
    tasks: [
      {
        ...task,
        taskDefinitionArn: seventh,
        containers: [{ ...container, name: 'wordpress', imageDigest: RUNNING_DIGEST }],
      },
    ],
  });
  set('ecs', 'ListTasks', ['sampleCluster'], { taskArns: [] });
  set('iam', 'ListAttachedRolePolicies', ['Test-Role'], cliJson('iam/list-attached-role-policies.json'));
  set('iam', 'GetPolicy', [SECURITY_AUDIT], {
    Policy: { PolicyName: 'SecurityAudit', Arn: SECURITY_AUDIT, DefaultVersionId: 'v2' },
  });
  set('iam', 'GetPolicyVersion', [SECURITY_AUDIT, 'v2'], cliJson('iam/get-policy-version.json'));
  set('iam', 'ListRolePolicies', ['Test-Role'], { PolicyNames: ['pull-images'], IsTruncated: false });
  set('iam', 'GetRolePolicy', ['Test-Role', 'pull-images'], {
    RoleName: 'Test-Role',
    PolicyName: 'pull-images',
    PolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'ecr:BatchGetImage', Resource: '*' }],
    },
  });
}
