import type { SignatureV4 } from '@smithy/signature-v4';

/** One EKS cluster's Kubernetes API, as DescribeCluster tells it. */
export interface KubernetesCluster {
  /** The cluster name (the token's `x-k8s-aws-id`). */
  name: string;
  /** `cluster.endpoint`: `https://<id>.<suffix>.<region>.eks.amazonaws.com`. */
  endpoint: string;
  /** DescribeCluster `certificateAuthority.data`: base64 of the PEM. */
  caData: string;
  /** The cluster's region (its STS endpoint signs the token). */
  region: string;
}

/** A List body: the API server's (`DeploymentList`) or kubectl's (`List`). */
export interface KubernetesList {
  apiVersion?: string;
  kind?: string;
  metadata?: { resourceVersion?: string };
  items: Record<string, unknown>[];
}

/** Reads one cluster's Kubernetes API. */
export interface KubernetesClient {
  /** GET a list path (`/apis/apps/v1/deployments`), every page (`limit`/`continue`) merged into one List body. */
  list(path: string): Promise<KubernetesList>;
  /** GET one object or `/version`; `undefined` on 404. */
  get(path: string): Promise<Record<string, unknown> | undefined>;
}

/** AWS credentials, or a provider of them (the SDK's default chain), as the SDK signer takes them. */
export type AwsCredentials = ConstructorParameters<typeof SignatureV4>[0]['credentials'];

/** How a Kubernetes client is made; only `credentials` is required. */
export interface KubernetesClientOptions {
  /** The credentials the token is signed with (the SDK clients' own provider chain). */
  credentials: AwsCredentials;
  /** The clock the token is dated and cached by [`() => new Date()`]. */
  now?: () => Date;
  /** Items per page (`limit`) [500]. */
  pageLimit?: number;
  /** Requests in flight at once to the cluster [4]. */
  concurrency?: number;
  /** Milliseconds one request may take [30,000]. */
  timeoutMs?: number;
  /** The largest response body read, in bytes [64 MiB]. */
  maxResponseBytes?: number;
  /** Retries of a 429 or 5xx answer [3]. */
  maxRetries?: number;
  /** Waits between retries (tests pass one that does not wait) [setTimeout]. */
  sleep?: (ms: number) => Promise<void>;
  /** The IAM principal Customs runs as, named in the access-entry fix (else a placeholder). */
  principal?: string;
}
