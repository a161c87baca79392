import { describe, expect, it } from 'vitest';
import { fakeApiHarness } from './k8s-harness.js';
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

  it('counts the paging minimum: every list page at 500 a page, an empty list one request, and /version', () => {
    // 1,500 Deployments and ReplicaSets: 3 pages each; 3,700 pods: 8; the 10 other lists: 1 each; /version
    expect(pagingMinimum(clusterObjects('cluster-0', 2000), 500)).toBe(3 + 3 + 8 + 10 + 1);
  });

  it('reads 2 clusters through the loopback Kubernetes API in exactly the paging minimum, and reports it', async () => {
    // Prepare
    const size = { ...K8S_SIZE, clusters: 2, workloads: 1200, latencyMs: 0 };
    const minimum = 2 * pagingMinimum(clusterObjects('x', size.workloads), size.pageLimit);
    // Act
    const lines = await benchK8sSweep(fakeApiHarness, size);
    // Assess
    expect(lines[0]).toContain('2 clusters × 1,200 workloads');
    expect(lines[1]).toMatch(
      new RegExp(`k8s +${minimum} calls +paging minimum +${minimum} +ratio 1\\.000 +peak in flight [1-4]/4`),
    );
    const objects =
      2 * [...clusterObjects('x', size.workloads).values()].reduce((sum, items) => sum + items.length, 0);
    expect(lines[2]).toContain(`(${objects.toLocaleString('en-US')} objects read)`);
    expect(lines[2]).toMatch(/calls × latency ÷ concurrency 0 ms/);
    expect(lines[3]).toMatch(/json +[\d,]+ ms +to stringify and parse the same [\d,]+ MB once/);
  });
});
