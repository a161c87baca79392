import { describe, expect, it } from 'vitest';
import { clusterObjects, LIST_PATHS, pagingMinimum } from './k8s-objects.js';
import { benchK8sSweep, K8S_SIZE, type K8sSweepHarness } from './suites/sweep-k8s.js';

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

  it('prints the calls a run made next to the paging minimum, and its wall time next to calls × latency ÷ concurrency', async () => {
    // Prepare: a harness that reads each store page by page, as the paging client does
    const size = { ...K8S_SIZE, clusters: 2, workloads: 200 };
    const harness: K8sSweepHarness = {
      async run(clusters, options) {
        let requests = 0;
        for (const store of clusters.values()) {
          requests += 1; // GET /version
          for (const items of store.values()) {
            let offset = 0;
            do {
              requests += 1;
              offset += options.pageLimit;
            } while (offset < items.length);
          }
        }
        return { requests: requests + 1, peakInFlight: 1, resources: 402 };
      },
    };
    // Act
    const lines = await benchK8sSweep(harness, size);
    // Assess
    const minimum = 2 * pagingMinimum(clusterObjects('x', 200), 500);
    expect(lines[0]).toContain('2 clusters × 200 workloads');
    expect(lines[1]).toMatch(
      new RegExp(
        `k8s +${minimum + 1} calls +paging minimum +${minimum} +ratio ${((minimum + 1) / minimum).toFixed(3)}`,
      ),
    );
    expect(lines[2]).toMatch(
      new RegExp(`calls × latency ÷ concurrency ${Math.round(((minimum + 1) * 2) / 8)} ms`),
    );
    expect(lines[2]).toContain('(402 resources)');
  });
});
