import type { Cluster } from '@aws-sdk/client-eks';
import { KubernetesEndpointError } from '../errors.js';
import type { KubernetesClient, KubernetesCluster, KubernetesList } from '../kubernetes/types.js';
import type { AwsClients } from '../live/clients.js';
import { isJsonObject, metadataOf } from '../normalise/k8s-fields.js';
import { isUnreadable, type Known } from '../normalise/unreadable.js';
import type { Wire } from '../normalise/wire.js';
import { K8S_CALLS } from '../registry/k8s-calls.js';
import type { ReadContext } from './context.js';

/**
 * The Kubernetes API reads, each over the session (live or snapshot alike), keyed by cluster. A
 * cluster-wide list is one call (the client merges every page); a ref's read of one object or
 * one namespace is a `variant` of the same call (live: a `get` or a namespaced list, never
 * recorded; a snapshot answers with the cluster's whole file), filtered here, so both agree.
 */

/** A list operation of K8S_CALLS. */
export type K8sListOperation = Exclude<keyof typeof K8S_CALLS, 'GetVersion'>;

/** Every list of a cluster's API, in K8S_CALLS' order (all its operations but `GetVersion`). */
export const K8S_LIST_OPERATIONS = Object.keys(K8S_CALLS).filter(
  (operation): operation is K8sListOperation => operation !== 'GetVersion',
);

/** The objects of a list as read, or why they are unknown. */
export type K8sItems = Known<Record<string, unknown>[]>;

/** Where a cluster's API is, from its DescribeCluster (the EKS readers' own read). */
export interface K8sTarget {
  name: string;
  /** Undefined when DescribeCluster gives none (a cluster still CREATING). */
  api?: KubernetesCluster;
  endpoint?: string;
}

/**
 * The API of a described cluster: its `endpoint` and `certificateAuthority.data`.
 * @example targetOf(cluster, 'us-west-2').api?.endpoint // 'https://A1B2….gr7.us-west-2.eks.amazonaws.com'
 */
export function targetOf(cluster: Wire<Cluster>, region: string): K8sTarget {
  const name = cluster.name ?? '';
  const endpoint = cluster.endpoint;
  const caData = cluster.certificateAuthority?.data;
  return {
    name,
    ...(endpoint ? { endpoint } : {}),
    ...(endpoint && caData ? { api: { name, endpoint, caData, region } } : {}),
  };
}

/** The cluster's client (AwsClients' `kubernetes` factory, k8s-transport's). */
function clientOf(clients: AwsClients, target: K8sTarget): KubernetesClient {
  if (!target.api) {
    throw new KubernetesEndpointError(
      `cluster ${target.name}: DescribeCluster gives no endpoint and certificate authority (is it still CREATING?); Customs reads its Kubernetes API once it is ACTIVE`,
    );
  }
  return clients.kubernetes(target.api);
}

function items(body: Known<KubernetesList>): K8sItems {
  if (body === undefined || isUnreadable(body)) return body;
  return body.items;
}

/** `GET /version`'s `gitVersion` (`''` when the body has none); unreadable when the API is. */
export async function readVersion(context: ReadContext, target: K8sTarget): Promise<Known<string>> {
  const body = await context.session.send(
    { service: 'k8s', operation: 'GetVersion', keys: [target.name] },
    async function version(clients) {
      const answer = await clientOf(clients, target).get(K8S_CALLS.GetVersion.inCluster.path);
      if (answer === undefined)
        throw new KubernetesEndpointError(
          `cluster ${target.name}: GET /version is not found: not a Kubernetes API`,
        );
      return answer;
    },
  );
  if (body === undefined || isUnreadable(body)) return body;
  return body.gitVersion ?? '';
}

/** A cluster-wide list (every namespace, every page). */
export async function listAll(
  context: ReadContext,
  target: K8sTarget,
  operation: K8sListOperation,
): Promise<K8sItems> {
  const body = await context.session.send({ service: 'k8s', operation, keys: [target.name] }, (clients) =>
    clientOf(clients, target).list(K8S_CALLS[operation].inCluster.path),
  );
  return items(body);
}

/** `/apis/apps/v1/deployments` → `/apis/apps/v1/namespaces/<ns>/deployments[/<name>]`. */
function namespacedPath(operation: K8sListOperation, namespace: string, name?: string): string {
  const path = K8S_CALLS[operation].inCluster.path;
  const cut = path.lastIndexOf('/');
  const resource = `${path.slice(0, cut)}/namespaces/${encodeURIComponent(namespace)}${path.slice(cut)}`;
  return name === undefined ? resource : `${resource}/${encodeURIComponent(name)}`;
}

/** Keeps the items of a namespace (and of a name), as a snapshot's whole file is filtered. */
function keep(found: K8sItems, namespace: string, name?: string): K8sItems {
  if (found === undefined || isUnreadable(found)) return found;
  return found.filter((item) => {
    const meta = metadataOf(item);
    return meta.namespace === namespace && (name === undefined || meta.name === name);
  });
}

/** The objects of one namespace (a ref: live a namespaced list, a snapshot the file filtered). */
export async function listInNamespace(
  context: ReadContext,
  target: K8sTarget,
  operation: K8sListOperation,
  namespace: string,
): Promise<K8sItems> {
  const body = await context.session.send(
    { service: 'k8s', operation, keys: [target.name], variant: `namespace=${namespace}` },
    (clients) => clientOf(clients, target).list(namespacedPath(operation, namespace)),
  );
  return keep(items(body), namespace);
}

/**
 * One object by namespace and name (a ref: live a `get`, none on 404; a snapshot the file
 * filtered); a namespace itself with `namespace` undefined (`/api/v1/namespaces/<name>`).
 */
export async function getOne(
  context: ReadContext,
  target: K8sTarget,
  operation: K8sListOperation,
  namespace: string | undefined,
  name: string,
): Promise<K8sItems> {
  const path =
    namespace === undefined
      ? `${K8S_CALLS[operation].inCluster.path}/${encodeURIComponent(name)}`
      : namespacedPath(operation, namespace, name);
  const body = await context.session.send(
    { service: 'k8s', operation, keys: [target.name], variant: `${namespace ?? ''}/${name}` },
    async function one(clients) {
      const object = await clientOf(clients, target).get(path);
      return { items: object && isJsonObject(object) ? [object] : [] };
    },
  );
  const found = items(body);
  if (namespace !== undefined) return keep(found, namespace, name);
  return found === undefined || isUnreadable(found)
    ? found
    : found.filter((item) => metadataOf(item).name === name);
}
