import { apiVersionOf, type KubeObject, statusBody } from './fake-store.js';

/** The resourceVersion every list is served at (the store does not change within a test's listing). */
const RESOURCE_VERSION = '1000';

/** Kubernetes' message for an expired continue token (apiserver's etcd3 store). */
const CONTINUE_EXPIRED =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list ' +
  'without the continue parameter, or use the continue token in this response to retrieve the remainder of ' +
  'the results. Continuing with the provided token results in an inconsistent list - objects that were ' +
  'created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

interface ContinueToken {
  listPath: string;
  path: string;
  offset: number;
  resourceVersion: string;
}

/**
 * One page of a list as the API server answers it: `limit` items from the `continue` token's offset,
 * `metadata.continue` and `remainingItemCount` when more remain, the List kind of the items; 410
 * with Kubernetes' Expired Status (and an inconsistent continue token) when `expired()` says so; 400
 * for a continue token it did not issue for this path.
 * @example pageList('/api/v1/pods', '/api/v1/namespaces/shop/pods', items, url.searchParams, () => false)
 */
export function pageList(
  listPath: string,
  path: string,
  items: KubeObject[],
  query: URLSearchParams,
  expired: () => boolean,
): { status: number; body: KubeObject } {
  const limit = Number(query.get('limit') ?? 0);
  const token = query.get('continue');
  let offset = 0;
  let version = RESOURCE_VERSION;
  if (token) {
    let parsed: ContinueToken | undefined;
    try {
      parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinueToken;
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.path !== path || !Number.isInteger(parsed.offset)) {
      return { status: 400, body: statusBody(400, 'BadRequest', 'continue key is not valid') };
    }
    if (expired()) {
      return {
        status: 410,
        body: { ...statusBody(410, 'Expired', CONTINUE_EXPIRED), metadata: { continue: token } },
      };
    }
    offset = parsed.offset;
    version = parsed.resourceVersion;
  }
  const page = limit > 0 ? items.slice(offset, offset + limit) : items.slice(offset);
  const next = offset + page.length;
  const more = limit > 0 && next < items.length;
  const metadata: Record<string, unknown> = { resourceVersion: version };
  if (more) {
    const nextToken: ContinueToken = { listPath, path, offset: next, resourceVersion: version };
    metadata.continue = Buffer.from(JSON.stringify(nextToken)).toString('base64url');
    metadata.remainingItemCount = items.length - next;
  }
  const kind = typeof items[0]?.kind === 'string' ? `${items[0].kind}List` : 'List';
  return { status: 200, body: { kind, apiVersion: apiVersionOf(listPath), metadata, items: page } };
}
