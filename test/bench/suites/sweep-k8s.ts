import { performance } from 'node:perf_hooks';
import { DEFAULT_CLUSTER_CONCURRENCY, DEFAULT_CONCURRENCY, DEFAULT_PAGE_LIMIT } from '@customs/aws';
import { clusterObjects, pagingMinimum } from '../k8s-objects.js';
import { fmt } from '../measure.js';

/**
 * 20 clusters × 2,000 workloads (issue 13, "Speed"), 2 ms a request; the collector's own bounds:
 * 8 lists in flight over the region's clusters, 4 requests in flight a cluster, 500 a page.
 */
export const K8S_SIZE = {
  clusters: 20,
  workloads: 2000,
  latencyMs: 2,
  listsInFlight: DEFAULT_CONCURRENCY.k8s,
  concurrency: DEFAULT_CLUSTER_CONCURRENCY,
  pageLimit: DEFAULT_PAGE_LIMIT,
};

type Store = ReturnType<typeof clusterObjects>;

/** The clusters served and a sweep ready to run over them. */
export interface PreparedK8sSweep {
  /** Runs the sweep once; resolves to how much it read (`{ read: 12000, unit: 'resources' }`). */
  sweep(): Promise<{ read: number; unit: string }>;
  /** Requests the API servers answered so far (every page, `/version`, retries). */
  requests(): number;
  /** The most requests in flight at once on one cluster. */
  peakInFlight(): number;
  /** The most lists the collector had in flight at once, over all clusters. */
  peakLists(): number;
  close(): Promise<void>;
}

/** Serves the clusters (the loopback fake Kubernetes API) and prepares the sweep over them. */
export type K8sSweepHarness = (
  clusters: Map<string, Store>,
  size: typeof K8S_SIZE,
) => Promise<PreparedK8sSweep>;

/**
 * The report: API calls next to the paging minimum, wall time next to calls × latency ÷
 * concurrency (the requests in flight that the bounds allow: the lists in flight, each paged in
 * turn, at most the clusters' own bounds).
 */
export function k8sSweepLines(
  size: typeof K8S_SIZE,
  measured: {
    requests: number;
    minimum: number;
    peakInFlight: number;
    peakLists: number;
    wallMs: number;
    objects: number;
    read: number;
    unit: string;
  },
): string[] {
  const inFlight = Math.min(size.listsInFlight, size.concurrency * size.clusters);
  const ideal = (measured.requests * size.latencyMs) / inFlight;
  return [
    `Kubernetes sweep (a k8s-clusters unit through AwsCollector: ${size.clusters} clusters × ${fmt(size.workloads)} workloads, ${fmt(measured.objects)} objects, over the loopback Kubernetes API: ${size.latencyMs} ms a request, ${size.listsInFlight} lists in flight, ${size.concurrency} requests a cluster, ${size.pageLimit} a page)`,
    `  k8s  ${fmt(measured.requests).padStart(8)} calls  paging minimum ${fmt(measured.minimum).padStart(8)}  ratio ${fmt(measured.requests / measured.minimum, 3)}  peak in flight ${measured.peakLists}/${size.listsInFlight} lists, ${measured.peakInFlight}/${size.concurrency} a cluster`,
    `  wall ${fmt(measured.wallMs).padStart(8)} ms     calls × latency ÷ concurrency ${fmt(ideal)} ms  ratio ${fmt(measured.wallMs / ideal, 2)}  (${fmt(measured.read)} ${measured.unit})`,
  ];
}

/**
 * The Kubernetes part of the sweep over generated clusters (k8s-objects.ts, from the demo's
 * objects), measured against what paging allows. Only the sweep is timed, not serving.
 * @example for (const line of await benchK8sSweep(collectorHarness)) console.log(line);
 */
export async function benchK8sSweep(harness: K8sSweepHarness, size = K8S_SIZE): Promise<string[]> {
  const clusters = new Map<string, Store>();
  let minimum = 0;
  let objects = 0;
  for (let index = 0; index < size.clusters; index++) {
    const store = clusterObjects(`cluster-${index}`, size.workloads);
    clusters.set(`cluster-${index}`, store);
    minimum += pagingMinimum(store);
    for (const items of store.values()) objects += items.length;
  }
  const prepared = await harness(clusters, size);
  try {
    const before = prepared.requests();
    const start = performance.now();
    const { read, unit } = await prepared.sweep();
    const wallMs = performance.now() - start;
    const requests = prepared.requests() - before;
    const lines = k8sSweepLines(size, {
      requests,
      minimum,
      peakInFlight: prepared.peakInFlight(),
      peakLists: prepared.peakLists(),
      wallMs,
      objects,
      read,
      unit,
    });
    const json = serialisingOnce(clusters, size.pageLimit);
    lines.push(
      `  json ${fmt(json.ms).padStart(8)} ms     to stringify and parse the same ${fmt(json.bytes / 1e6)} MB once, page by page  wall ratio ${fmt(wallMs / json.ms, 2)}`,
    );
    return lines;
  } finally {
    await prepared.close();
  }
}

/** The floor that payload size sets: JSON.stringify and JSON.parse of every page once, in this process. */
function serialisingOnce(clusters: Map<string, Store>, limit: number): { ms: number; bytes: number } {
  let bytes = 0;
  const start = performance.now();
  for (const store of clusters.values()) {
    for (const items of store.values()) {
      for (let offset = 0; offset === 0 || offset < items.length; offset += limit) {
        const text = JSON.stringify({
          apiVersion: 'v1',
          kind: 'List',
          items: items.slice(offset, offset + limit),
        });
        bytes += text.length;
        JSON.parse(text);
      }
    }
  }
  return { ms: performance.now() - start, bytes };
}
