import { AwsCollector, createAwsClients, snapshotPath } from '@customs/aws';
import { TEST_CREDENTIALS } from '@customs/aws/testing';
import { snapshotKubernetes } from '../../packages/aws/test/live/helpers/kubernetes-api.js';
import { createAnswerer, serveFromMiddleware } from '../../packages/aws/test/live/helpers/mock-aws.js';
import { readSnapshotDir, type SnapshotFiles } from '../../packages/aws/test/live/helpers/snapshot-files.js';
import { LIST_PATHS } from './k8s-objects.js';
import type { K8sSweepHarness } from './suites/sweep-k8s.js';

const DEMO = new URL('../../packages/local/snapshots/demo/', import.meta.url).pathname;
const REGION = 'eu-west-1';
const ACCOUNT = '111122223333';
const ENV_KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'] as const;

type Store = Parameters<K8sSweepHarness>[0] extends Map<string, infer S> ? S : never;

/**
 * The benchmark's account as a snapshot's files: ListClusters and a DescribeCluster per cluster
 * (the demo's `prod`, renamed), each cluster's lists as `k8s/<Operation>/<cluster>.json`, the
 * demo's `GET /version` and ECR repositories (the workloads' ECR images' tag mutability).
 */
function accountFiles(clusters: Map<string, Store>): SnapshotFiles {
  const demo = readSnapshotDir(DEMO);
  const cluster = (demo.get('eks/DescribeCluster/prod.json') as { cluster: Record<string, unknown> }).cluster;
  const files: SnapshotFiles = new Map([
    ['ecr/DescribeRepositories.json', demo.get('ecr/DescribeRepositories.json')],
    ['eks/ListClusters.json', { clusters: [...clusters.keys()] }],
  ]);
  for (const [name, store] of clusters) {
    const arn = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${name}`;
    files.set(snapshotPath('eks', 'DescribeCluster', name), { cluster: { ...cluster, name, arn } });
    files.set(snapshotPath('k8s', 'GetVersion', name), demo.get('k8s/GetVersion/prod.json'));
    for (const [operation, path] of Object.entries(LIST_PATHS))
      files.set(snapshotPath('k8s', operation, name), {
        kind: 'List',
        apiVersion: 'v1',
        items: store.get(path),
      });
  }
  return files;
}

/**
 * The Kubernetes part of the daily sweep as the sweep worker runs it: one `k8s-clusters` unit
 * over every cluster (`AwsCollector.collectUnit`: ListClusters and DescribeCluster answered
 * from memory, then each cluster's `GET /version` and 13 lists, paged, normalised into
 * k8s-cluster, namespace and workload resources), each cluster's API a loopback fake Kubernetes
 * API server (tokens verified) at `latencyMs` a request.
 * @example await benchK8sSweep(collectorHarness)
 */
export const collectorHarness: K8sSweepHarness = async (clusters, size) => {
  // The clients' default credential chain signs the tokens; the fake servers verify them with these.
  const saved = ENV_KEYS.map((key) => [key, process.env[key]] as const);
  for (const key of ENV_KEYS) delete process.env[key];
  process.env.AWS_ACCESS_KEY_ID = TEST_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = TEST_CREDENTIALS.secretAccessKey;
  const files = accountFiles(clusters);
  const kubernetes = snapshotKubernetes(files, { latencyMs: size.latencyMs });
  for (const name of clusters.keys()) {
    const path = snapshotPath('eks', 'DescribeCluster', name);
    files.set(path, await kubernetes.describe(files.get(path) as { cluster: Record<string, unknown> }));
  }
  const servers = await Promise.all([...clusters.keys()].map((name) => kubernetes.serve(name)));
  const clients = createAwsClients({ region: REGION });
  serveFromMiddleware(clients, createAnswerer(files, { logInputs: false }));
  const collector = await AwsCollector.open({
    clients,
    region: REGION,
    accountId: ACCOUNT,
    concurrency: { k8s: size.listsInFlight },
  });
  return {
    async sweep() {
      const unit = { service: 'k8s-clusters', start: 0, count: clusters.size } as const;
      const { resources, warnings } = await collector.collectUnit(unit);
      if (warnings.length > 0) throw new Error(`the sweep warned: ${warnings.slice(0, 3).join('; ')}`);
      return { read: resources.length, unit: 'resources' };
    },
    requests: () => servers.reduce((sum, server) => sum + server.requests.length, 0),
    peakInFlight: () => Math.max(...servers.map((server) => server.peakInFlight)),
    peakLists: () => collector.limiters.k8s.peak,
    close: async () => {
      await kubernetes.close();
      for (const [key, value] of saved) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
};
