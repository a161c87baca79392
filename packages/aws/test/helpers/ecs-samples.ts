import { cliJson } from './fixtures.js';

/**
 * A snapshot assembled from AWS's published `aws ecs …` outputs (fixtures/cli/ecs, copied from
 * ../shared/aws-samples/cli/ecs unchanged): describe-clusters-1 (`default`) and -2
 * (`sampleCluster`), describe-services (`default`'s `my-http-service`) and
 * describe-task-definition (`hello_world:8`), each as the CLI prints it. The list calls that
 * would have named them are written from the ARNs in those outputs (AWS publishes no list that
 * matches them), and the clusters' empty task lists follow their `runningTasksCount` of 0.
 */
export const ECS_ACCOUNT = '123456789012';
export const ECS_REGION = 'us-west-2';

interface Bodies {
  clusters1: { clusters: { clusterArn: string }[] };
  clusters2: { clusters: { clusterArn: string }[] };
  services: { services: { serviceArn: string }[] };
  definition: { taskDefinition: { taskDefinitionArn: string } };
}

export function ecsSampleBodies(): Bodies {
  return {
    clusters1: cliJson('ecs/describe-clusters-1.json') as Bodies['clusters1'],
    clusters2: cliJson('ecs/describe-clusters-2.json') as Bodies['clusters2'],
    services: cliJson('ecs/describe-services.json') as Bodies['services'],
    definition: cliJson('ecs/describe-task-definition.json') as Bodies['definition'],
  };
}

/** The files of the assembled ECS snapshot, keyed by their (encoded) paths. */
export function ecsSampleSnapshot(): Record<string, unknown> {
  const { clusters1, clusters2, services, definition } = ecsSampleBodies();
  const clusters = [...clusters1.clusters, ...clusters2.clusters];
  return {
    'account.json': { accountId: ECS_ACCOUNT, region: ECS_REGION, capturedAt: '2026-11-28T12:00:00Z' },
    'ecs/ListClusters.json': { clusterArns: clusters.map((cluster) => cluster.clusterArn) },
    'ecs/DescribeClusters.json': { clusters, failures: [] },
    'ecs/ListServices/default.json': { serviceArns: services.services.map((service) => service.serviceArn) },
    'ecs/DescribeServices/default.json': services,
    'ecs/ListServices/sampleCluster.json': { serviceArns: [] },
    'ecs/ListTasks/default.json': { taskArns: [] },
    'ecs/ListTasks/sampleCluster.json': { taskArns: [] },
    'ecs/ListTaskDefinitions.json': { taskDefinitionArns: [definition.taskDefinition.taskDefinitionArn] },
    'ecs/DescribeTaskDefinition/hello_world%3A8.json': definition,
  };
}
