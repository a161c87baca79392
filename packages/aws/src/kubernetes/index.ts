export {
  CLUSTER_ID_HEADER,
  DEFAULT_CLUSTER_CONCURRENCY,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_PAGE_LIMIT,
  MAX_LIST_RESTARTS,
  TOKEN_LIFETIME_MS,
  TOKEN_PREFIX,
} from './constants.js';
export { createEksToken, type EksToken, stsHost } from './eks-token.js';
export { KubernetesApiError, type KubernetesProblem } from './errors.js';
export { createKubernetesClient } from './kubernetes-client.js';
export type {
  AwsCredentials,
  KubernetesClient,
  KubernetesClientOptions,
  KubernetesCluster,
  KubernetesList,
} from './types.js';
