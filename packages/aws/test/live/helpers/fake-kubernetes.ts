import { CALLS, snapshotPath } from '../../../src/index.js';
import type { KubernetesClient, KubernetesCluster, KubernetesList } from '../../../src/kubernetes/types.js';
import type { SnapshotFiles } from './snapshot-files.js';

type Json = Record<string, unknown>;

/** The error the Kubernetes client throws (k8s-transport's KubernetesApiError, by name). */
class KubernetesApiError extends Error {
  override name = 'KubernetesApiError';
}

const LISTS = Object.entries(CALLS.k8s).flatMap(([operation, info]) =>
  operation === 'GetVersion' ? [] : [{ operation, path: info.inCluster.path }],
);

/** `/apis/apps/v1/namespaces/<ns>/deployments[/<name>]` → its list operation, namespace and name. */
function route(path: string): { operation: string; namespace?: string; name?: string } | undefined {
  for (const { operation, path: listPath } of LISTS) {
    if (path === listPath) return { operation };
    const cut = listPath.lastIndexOf('/');
    const base = `${listPath.slice(0, cut)}/namespaces/`;
    const resource = listPath.slice(cut + 1);
    const rest = path.slice(listPath.length + 1);
    if (operation === 'ListNamespaces' && path.startsWith(`${listPath}/`) && !rest.includes('/'))
      return { operation, name: decodeURIComponent(rest) };
    if (!path.startsWith(base)) continue;
    const [namespace = '', kind, name] = path.slice(base.length).split('/');
    if (kind === resource)
      return {
        operation,
        namespace: decodeURIComponent(namespace),
        ...(name ? { name: decodeURIComponent(name) } : {}),
      };
  }
  return undefined;
}

function matches(item: Json, namespace: string | undefined, name: string | undefined): boolean {
  const metadata = (item.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  return (
    (namespace === undefined || metadata.namespace === namespace) &&
    (name === undefined || metadata.name === name)
  );
}

/**
 * A fake `AwsClients.kubernetes` (until k8s-transport's loopback API server is merged): each
 * cluster's API answers from the files `k8s/<Operation>/<cluster>.json`, a namespaced list or a
 * `get` filtered from them; a cluster without its files answers as an API that denies access
 * (KubernetesApiError, 403), as one without an access entry does. `requests` logs each path.
 */
export function fakeKubernetes(files: SnapshotFiles) {
  const requests: string[] = [];
  const kubernetes = (cluster: KubernetesCluster): KubernetesClient => {
    const body = (operation: string, path: string) => {
      const file = files.get(snapshotPath('k8s', operation, cluster.name));
      if (file === undefined)
        throw new KubernetesApiError(
          `cluster ${cluster.name}: GET ${path}: 403 Forbidden: give Customs' role an access entry with AmazonEKSViewPolicy`,
        );
      return file as Json;
    };
    return {
      async list(path: string): Promise<KubernetesList> {
        requests.push(`${cluster.name} list ${path}`);
        const target = route(path);
        if (!target || target.name)
          throw new KubernetesApiError(`cluster ${cluster.name}: GET ${path}: 404 Not Found`);
        const items = ((body(target.operation, path).items ?? []) as Json[]).filter((item) =>
          matches(item, target.namespace, undefined),
        );
        return { apiVersion: 'v1', kind: 'List', items };
      },
      async get(path: string): Promise<Json | undefined> {
        requests.push(`${cluster.name} get ${path}`);
        if (path === '/version') return body('GetVersion', path);
        const target = route(path);
        if (!target?.name)
          throw new KubernetesApiError(`cluster ${cluster.name}: GET ${path}: 404 Not Found`);
        const items = (body(target.operation, path).items ?? []) as Json[];
        return items.find((item) => matches(item, target.namespace, target.name));
      },
    };
  };
  return { kubernetes, requests };
}
