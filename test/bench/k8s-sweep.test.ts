import { describe, expect, it } from 'vitest';
import { collectorHarness } from './k8s-harness.js';
import { clusterObjects, LIST_PATHS, pagingMinimum } from './k8s-objects.js';
import { benchK8sSweep, K8S_SIZE } from './suites/sweep-k8s.js';

type Obj = {
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid: string;
    ownerReferences?: { kind: string; name: string; uid: string }[];
  };
};

describe('the Kubernetes sweep benchmark', () => {
  it("generates a cluster of 2,000 workloads from the demo's objects, whose owners all resolve", () => {
    // Act
    const store = clusterObjects('cluster-0', 2000);
    // Assess
    const count = (path: string) => store.get(path)?.length;
    expect(count(LIST_PATHS.ListDeployments)).toBe(1500);
    expect(count(LIST_PATHS.ListDaemonSets)).toBe(100);
    expect(count(LIST_PATHS.ListCronJobs)).toBe(200);
    expect(count(LIST_PATHS.ListJobs)).toBe(400); // 200 standalone, 200 of the CronJobs
    expect(count(LIST_PATHS.ListPods)).toBe(3700);
    expect(count(LIST_PATHS.ListNamespaces)).toBe(50);
    expect(count(LIST_PATHS.ListServiceAccounts)).toBe(50);
    const all = [...store.values()].flat() as Obj[];
    const byUid = new Map(all.map((item) => [item.metadata.uid, item]));
    expect(byUid.size).toBe(all.length);
    for (const item of all) {
      for (const ref of item.metadata.ownerReferences ?? []) {
        const owner = byUid.get(ref.uid);
        expect([owner?.kind, owner?.metadata.name, owner?.metadata.namespace]).toEqual([
          ref.kind,
          ref.name,
          item.metadata.namespace,
        ]);
      }
    }
  });

  it("counts the paging minimum with the sweep's estimate: each list's pages of 500, an empty list one request, and /version", () => {
    // 1,500 Deployments and ReplicaSets: 3 pages each; 3,700 pods: 8; the 10 other lists: 1 each; /version
    expect(pagingMinimum(clusterObjects('cluster-0', 2000))).toBe(3 + 3 + 8 + 10 + 1);
  });

  it("sweeps 2 clusters through the collector's k8s-clusters unit over the loopback Kubernetes API in exactly the paging minimum, and reports it", async () => {
    // Prepare
    const size = { ...K8S_SIZE, clusters: 2, workloads: 1200, latencyMs: 0 };
    const store = clusterObjects('x', size.workloads);
    const minimum = 2 * pagingMinimum(store);
    // Act
    const lines = await benchK8sSweep(collectorHarness, size);
    // Assess
    expect(lines[0]).toContain('a k8s-clusters unit through AwsCollector: 2 clusters × 1,200 workloads');
    expect(lines[1]).toMatch(
      new RegExp(
        `k8s +${minimum} calls +paging minimum +${minimum} +ratio 1\\.000 +peak in flight [1-8]/8 lists, [1-4]/4 a cluster`,
      ),
    );
    // Each cluster: its k8s-cluster, its namespaces and every workload (the pods are controllers' but for none)
    const namespaces = store.get(LIST_PATHS.ListNamespaces)?.length ?? 0;
    expect(lines[2]).toContain(
      `(${(2 * (1 + namespaces + size.workloads)).toLocaleString('en-US')} resources)`,
    );
    expect(lines[2]).toMatch(/calls × latency ÷ concurrency 0 ms/);
    expect(lines[3]).toMatch(/json +[\d,]+ ms +to stringify and parse the same [\d,]+ MB once/);
  });
});
