import { performance } from 'node:perf_hooks';
import { clusterObjects, pagingMinimum } from '../k8s-objects.js';
import { fmt } from '../measure.js';

/** 20 clusters × 2,000 workloads (issue 13, "Speed"), 2 ms a request, 4 in flight per cluster, 500 a page. */
export const K8S_SIZE = { clusters: 20, workloads: 2000, latencyMs: 2, concurrency: 4, pageLimit: 500 };

type Store = ReturnType<typeof clusterObjects>;

/** What one run of the Kubernetes part of the sweep did. */
export interface K8sSweepRun {
  /** Requests the API server answered (every page, `/version`, retries). */
  requests: number;
  /** The most requests in flight at once, on one cluster. */
  peakInFlight: number;
  /** Resources the sweep emitted (k8s-cluster, k8s-namespace, k8s-workload). */
  resources: number;
}

/**
 * What the benchmark needs from two other parts of issue 13: k8s-transport's loopback fake
 * Kubernetes API (serving each cluster's store over HTTPS, checking the token, paging at `limit`,
 * waiting `latencyMs` a request, counting requests) and k8s-collect's reader (the sweep of every
 * cluster's workloads through AwsClients.kubernetes). Until both are merged, `npm run bench` does
 * not run this suite.
 */
export interface K8sSweepHarness {
  run(clusters: Map<string, Store>, options: typeof K8S_SIZE): Promise<K8sSweepRun>;
}

/** The report: API calls next to the paging minimum, wall time next to calls × latency ÷ concurrency. */
export function k8sSweepLines(
  size: typeof K8S_SIZE,
  measured: K8sSweepRun & { wallMs: number; minimum: number; objects: number },
): string[] {
  const ideal = (measured.requests * size.latencyMs) / (size.concurrency * size.clusters);
  return [
    `Kubernetes sweep (${size.clusters} clusters × ${fmt(size.workloads)} workloads, ${fmt(measured.objects)} objects, over the loopback Kubernetes API: ${size.latencyMs} ms a request, ${size.concurrency} in flight a cluster, ${size.pageLimit} a page)`,
    `  k8s  ${fmt(measured.requests).padStart(8)} calls  paging minimum ${fmt(measured.minimum).padStart(8)}  ratio ${fmt(measured.requests / measured.minimum, 3)}  peak in flight ${measured.peakInFlight}/${size.concurrency}`,
    `  wall ${fmt(measured.wallMs).padStart(8)} ms     calls × latency ÷ concurrency ${fmt(ideal)} ms  ratio ${fmt(measured.wallMs / ideal, 2)}  (${fmt(measured.resources)} resources)`,
  ];
}

/**
 * The Kubernetes part of the sweep over 20 generated clusters (k8s-objects.ts, from the demo's
 * objects), measured against what paging allows.
 * @example for (const line of await benchK8sSweep(harness)) console.log(line);
 */
export async function benchK8sSweep(harness: K8sSweepHarness, size = K8S_SIZE): Promise<string[]> {
  const clusters = new Map<string, Store>();
  let minimum = 0;
  let objects = 0;
  for (let index = 0; index < size.clusters; index++) {
    const store = clusterObjects(`cluster-${index}`, size.workloads);
    clusters.set(`cluster-${index}`, store);
    minimum += pagingMinimum(store, size.pageLimit);
    for (const items of store.values()) objects += items.length;
  }
  const start = performance.now();
  const run = await harness.run(clusters, size);
  const wallMs = performance.now() - start;
  return k8sSweepLines(size, { ...run, wallMs, minimum, objects });
}
