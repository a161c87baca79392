/**
 * The Kubernetes client's interface as docs k8s-common.md fixes it (k8s-transport's
 * packages/aws/src/kubernetes/index.ts implements it; until that lands, the readers are written
 * against these types, which the merge replaces with that file's own).
 */

/** Where a cluster's API is: DescribeCluster's `endpoint` and `certificateAuthority.data`. */
export interface KubernetesCluster {
  name: string;
  endpoint: string;
  /** DescribeCluster certificateAuthority.data: base64 of the PEM. */
  caData: string;
  region: string;
}

/** A List body: every page merged. */
export interface KubernetesList {
  apiVersion?: string;
  kind?: string;
  metadata?: { resourceVersion?: string };
  items: Record<string, unknown>[];
}

/** Reads of one cluster's API. */
export interface KubernetesClient {
  /** GET a list path (`/apis/apps/v1/deployments`), every page (`limit`/`continue`) merged into one List body. */
  list(path: string): Promise<KubernetesList>;
  /** GET one object or `/version`; `undefined` on 404. */
  get(path: string): Promise<Record<string, unknown> | undefined>;
}

/** What `AwsClients` adds for Kubernetes: a client per cluster (token cached per cluster). */
export interface KubernetesClients {
  kubernetes(cluster: KubernetesCluster): KubernetesClient;
}
