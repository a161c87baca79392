import type { KubernetesList } from '../kubernetes/types.js';
import * as schemas from '../snapshot/schemas/index.js';
import { call, PAGE } from './call-info.js';

const CLUSTER = ['cluster'] as const;
const PAGES = { of: 'k8s-object', size: PAGE.kubernetes } as const;

/** A cluster-wide list (`kubectl get <resource> --all-namespaces -o json`): every page, one file per cluster. */
function list(path: string) {
  return call<KubernetesList>()({
    keys: CLUSTER,
    schema: schemas.k8s.list,
    // an absent file is unknown, never "none": its resources' findings stay as they were
    missing: 'not-recorded',
    per: 'eks-cluster',
    pages: PAGES,
    inCluster: { path },
  });
}

/**
 * The reads of each EKS cluster's Kubernetes API, by operation (see CALLS), keyed by cluster:
 * `k8s/<Operation>/<cluster>.json` holds the List body of `kubectl get … --all-namespaces -o json`
 * (or the API server's own `DeploymentList`…), `k8s/GetVersion/<cluster>.json` the body of
 * `GET /version`. None has an IAM action (`inCluster`). The sweep counts pages of 500 objects.
 */
export const K8S_CALLS = {
  GetVersion: call<schemas.k8s.KubernetesVersionBody>()({
    keys: CLUSTER,
    schema: schemas.k8s.version,
    missing: 'not-recorded',
    per: 'eks-cluster',
    inCluster: { path: '/version' },
  }),
  ListNamespaces: list('/api/v1/namespaces'),
  ListDeployments: list('/apis/apps/v1/deployments'),
  ListStatefulSets: list('/apis/apps/v1/statefulsets'),
  ListDaemonSets: list('/apis/apps/v1/daemonsets'),
  ListReplicaSets: list('/apis/apps/v1/replicasets'),
  ListJobs: list('/apis/batch/v1/jobs'),
  ListCronJobs: list('/apis/batch/v1/cronjobs'),
  ListPods: list('/api/v1/pods'),
  ListServiceAccounts: list('/api/v1/serviceaccounts'),
  ListClusterRoleBindings: list('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings'),
  ListRoleBindings: list('/apis/rbac.authorization.k8s.io/v1/rolebindings'),
  ListClusterRoles: list('/apis/rbac.authorization.k8s.io/v1/clusterroles'),
  ListRoles: list('/apis/rbac.authorization.k8s.io/v1/roles'),
} as const;
