/** A Kubernetes object as the fake server stores it. */
export type KubeObject = Record<string, unknown>;

/** Cluster-wide list paths (`/apis/apps/v1/deployments`, `/api/v1/namespaces`) to their items. */
export type FakeStore = Record<string, KubeObject[]>;

/** What a path resolves to in the store. */
export type Resolved =
  | { kind: 'list'; listPath: string; items: KubeObject[] }
  | { kind: 'object'; body: KubeObject }
  | { kind: 'missing' };

function metadataOf(item: KubeObject): { name?: unknown; namespace?: unknown } {
  const metadata = item.metadata;
  return typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>) : {};
}

/**
 * Resolves an API path against the store: a store key lists every item; `<group>/namespaces/<ns>/<resource>`
 * lists the items of `<group>/<resource>` whose `metadata.namespace` is `<ns>`; one more segment gets
 * one by `metadata.name`; `<key>/<name>` gets a cluster-scoped item. `objects` answer exact paths (`/version`).
 * @example resolvePath(store, {}, '/apis/apps/v1/namespaces/shop/deployments')
 */
export function resolvePath(store: FakeStore, objects: Record<string, KubeObject>, path: string): Resolved {
  const object = objects[path];
  if (object) return { kind: 'object', body: object };
  const all = store[path];
  if (all) return { kind: 'list', listPath: path, items: all };
  const segments = path.split('/');
  for (let index = 1; index < segments.length; index++) {
    if (segments[index] !== 'namespaces') continue;
    const namespace = segments[index + 1];
    const resource = segments[index + 2];
    const name = segments[index + 3];
    if (!namespace || !resource || segments.length > index + 4) continue;
    const listPath = [...segments.slice(0, index), resource].join('/');
    const items = store[listPath];
    if (!items) continue;
    const inNamespace = items.filter((item) => metadataOf(item).namespace === namespace);
    if (name === undefined) return { kind: 'list', listPath, items: inNamespace };
    const found = inNamespace.find((item) => metadataOf(item).name === name);
    return found ? { kind: 'object', body: found } : { kind: 'missing' };
  }
  const parent = segments.slice(0, -1).join('/');
  const last = segments[segments.length - 1];
  const items = store[parent];
  const found = items?.find((item) => metadataOf(item).name === last);
  return found ? { kind: 'object', body: found } : { kind: 'missing' };
}

/** The List's `apiVersion` for a path: `v1` under `/api/v1`, `<group>/<version>` under `/apis`. */
export function apiVersionOf(path: string): string {
  const segments = path.split('/');
  return segments[1] === 'api' ? (segments[2] ?? 'v1') : `${segments[2]}/${segments[3]}`;
}

/**
 * The Status body Kubernetes answers errors with.
 * @example statusBody(410, 'Expired', 'The provided continue parameter is too old …')
 */
export function statusBody(code: number, reason: string, message: string): KubeObject {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}
