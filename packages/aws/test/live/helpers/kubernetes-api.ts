import { CALLS, snapshotPath } from '../../../src/index.js';
import type { KubernetesCluster } from '../../../src/kubernetes/index.js';
import {
  type FakeKubernetesApi,
  type FakeStore,
  generateTestCertificates,
  type KubeObject,
  type StaticCredentials,
  startFakeKubernetesApi,
  TEST_CREDENTIALS,
  type TestCertificates,
} from '../../../src/testing/index.js';
import type { SnapshotFiles } from './snapshot-files.js';

/** How a snapshot's clusters are served. */
export interface SnapshotKubernetesOptions {
  /** The credentials tokens must be signed with [TEST_CREDENTIALS]. */
  credentials?: StaticCredentials;
  /** Milliseconds each request waits before its answer [0]. */
  latencyMs?: number;
}

/** The Kubernetes API servers of a snapshot's EKS clusters, each started on first use. */
export interface SnapshotKubernetes {
  /** The cluster's loopback API server (started once, then reused). */
  serve(cluster: string): Promise<FakeKubernetesApi>;
  /** A DescribeCluster body with the cluster's `endpoint` and `certificateAuthority` those of its server. */
  describe(body: { cluster?: Record<string, unknown> }): Promise<{ cluster?: Record<string, unknown> }>;
  /** The servers started so far, by cluster. */
  readonly servers: ReadonlyMap<string, Promise<FakeKubernetesApi>>;
  /** Stops every server started. */
  close(): Promise<void>;
}

const LISTS = Object.entries(CALLS.k8s).filter(([operation]) => operation !== 'GetVersion');

/**
 * Serves each EKS cluster of a snapshot on a loopback HTTPS server that plays its Kubernetes API
 * (`startFakeKubernetesApi`: tokens verified, lists paged with `limit`/`continue`), from the
 * snapshot's `k8s/<Operation>/<cluster>.json` files: `GET /version` from `GetVersion`, each list
 * path from its List file. A cluster without a `GetVersion` file answers every request 403
 * Forbidden, as one whose access entry grants no view policy does; a missing list file makes that
 * list path (and the paths it prefixes) 403. So a live read of the served cluster gives what
 * the snapshot reader gives, but where a file is missing: ERROR both ways, for another reason.
 * @example const k8s = snapshotKubernetes(readSnapshotDir(DEMO)); const api = await k8s.serve('prod'); await k8s.close();
 */
export function snapshotKubernetes(
  files: SnapshotFiles,
  options: SnapshotKubernetesOptions = {},
): SnapshotKubernetes {
  const servers = new Map<string, Promise<FakeKubernetesApi>>();
  let certificates: Promise<TestCertificates> | undefined;
  const file = (operation: string, cluster: string) =>
    files.get(snapshotPath('k8s', operation, cluster)) as KubeObject | undefined;

  async function start(cluster: string): Promise<FakeKubernetesApi> {
    certificates ??= generateTestCertificates();
    const version = file('GetVersion', cluster);
    const store: FakeStore = {};
    const missing: string[] = [];
    for (const [operation, info] of LISTS) {
      const body = file(operation, cluster) as { items?: KubeObject[] } | undefined;
      if (body === undefined) missing.push(info.inCluster.path);
      else store[info.inCluster.path] = body.items ?? [];
    }
    const api = await startFakeKubernetesApi({
      clusterName: cluster,
      credentials: options.credentials ?? TEST_CREDENTIALS,
      certificates: await certificates,
      store,
      ...(version ? { objects: { '/version': version } } : {}),
      ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
    });
    const forever = { times: Number.POSITIVE_INFINITY };
    if (version === undefined) api.fault({ kind: 'forbidden', ...forever });
    else for (const path of missing) api.fault({ kind: 'forbidden', path, ...forever });
    return api;
  }

  function serve(cluster: string): Promise<FakeKubernetesApi> {
    let server = servers.get(cluster);
    if (!server) {
      server = start(cluster);
      servers.set(cluster, server);
    }
    return server;
  }

  return {
    serve,
    servers,
    async describe(body) {
      const name = body.cluster?.name;
      if (typeof name !== 'string') return body;
      const { endpoint, caData } = (await serve(name)).cluster satisfies KubernetesCluster;
      return { ...body, cluster: { ...body.cluster, endpoint, certificateAuthority: { data: caData } } };
    },
    async close() {
      const started = await Promise.all(servers.values());
      servers.clear();
      await Promise.all(started.map((api) => api.close()));
    },
  };
}
