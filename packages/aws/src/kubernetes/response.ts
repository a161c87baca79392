import { safeText } from '@customs/core';
import { accessFix, KubernetesApiError, type KubernetesCall, quoteBody } from './errors.js';
import type { RawResponse } from './https-get.js';
import type { KubernetesList } from './types.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksLikeHtml(response: RawResponse): boolean {
  const type = String(response.headers['content-type'] ?? '').toLowerCase();
  return type.includes('html') || response.body.trimStart().startsWith('<');
}

/** The JSON object a response holds, else undefined (not JSON, or JSON that is not an object). */
function parseObject(body: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** What a Status body (or any body) says, bounded and escaped. */
function statusSays(response: RawResponse): string {
  const status = parseObject(response.body);
  if (status && status.kind === 'Status') {
    const reason = typeof status.reason === 'string' ? `${status.reason}: ` : '';
    const message = typeof status.message === 'string' ? status.message : '';
    return safeText(`${reason}${message}`, { maxLength: 300 });
  }
  return looksLikeHtml(response) ? `an HTML page ${quoteBody(response.body)}` : quoteBody(response.body);
}

/**
 * The error for an answer that is not a 2xx (or a 404 of `get`, a 410 of a continued list, which
 * callers handle first): access denied with its fix, throttled, or what the server said.
 * @example throw statusError(call, response, undefined);
 */
export function statusError(
  call: KubernetesCall,
  response: RawResponse,
  principal: string | undefined,
): KubernetesApiError {
  const { status } = response;
  const says = statusSays(response);
  if (status === 401 || status === 403) {
    const what = status === 401 ? 'the token was not accepted (401 Unauthorized)' : 'forbidden (403)';
    return new KubernetesApiError('access-denied', call, `${what}: ${says}; ${accessFix(call, principal)}`, {
      status,
    });
  }
  if (status === 429) {
    return new KubernetesApiError('throttled', call, `throttled (429) after retries: ${says}`, { status });
  }
  return new KubernetesApiError('http', call, `the API server answered ${status}: ${says}`, { status });
}

/**
 * The JSON object of a 2xx answer, or a KubernetesApiError saying it was HTML or not a JSON object.
 * @example const version = jsonObject(call, response); // { major: '1', minor: '30', gitVersion: … }
 */
export function jsonObject(call: KubernetesCall, response: RawResponse): Record<string, unknown> {
  const parsed = parseObject(response.body);
  if (parsed) return parsed;
  throw notJson(call, response);
}

function notJson(call: KubernetesCall, response: RawResponse): KubernetesApiError {
  const what = looksLikeHtml(response)
    ? `answered HTML, not JSON (a proxy or login page in the way?): ${quoteBody(response.body)}`
    : `answered a body that is not a JSON object: ${quoteBody(response.body)}`;
  return new KubernetesApiError('not-json', call, what, { status: response.status });
}

/** One page of a list: its items (objects only), its `continue` token, and its List fields. */
export interface ListPage {
  list: KubernetesList;
  continueToken: string | undefined;
}

/**
 * Reads one page of a List: `items` must be an array of objects (else a KubernetesApiError naming
 * what came back); `metadata.continue` is the next page's token when non-empty.
 * @example const { list, continueToken } = listPage(call, response);
 */
export function listPage(call: KubernetesCall, response: RawResponse): ListPage {
  const body = parseObject(response.body);
  if (!body) throw notJson(call, response);
  const items = body.items;
  if (!Array.isArray(items)) {
    const kind = typeof body.kind === 'string' ? ` (kind ${safeText(body.kind, { maxLength: 60 })})` : '';
    throw new KubernetesApiError(
      'not-a-list',
      call,
      `answered JSON that is not a List: no items array${kind}: ${quoteBody(response.body)}`,
      {
        status: response.status,
      },
    );
  }
  for (let index = 0; index < items.length; index++) {
    const item: unknown = items[index];
    if (!isObject(item)) {
      // Named by its type, never serialised: a hostile item may be nested too deeply to stringify.
      const what = item === null ? 'null' : Array.isArray(item) ? 'an array' : `a ${typeof item}`;
      throw new KubernetesApiError(
        'not-a-list',
        call,
        `item ${index} of the List is ${what}, not an object`,
        {
          status: response.status,
        },
      );
    }
  }
  const metadata = isObject(body.metadata) ? body.metadata : {};
  const next = metadata.continue;
  const resourceVersion = metadata.resourceVersion;
  return {
    list: {
      ...(typeof body.apiVersion === 'string' ? { apiVersion: body.apiVersion } : {}),
      ...(typeof body.kind === 'string' ? { kind: body.kind } : {}),
      metadata: typeof resourceVersion === 'string' ? { resourceVersion } : {},
      items: items as Record<string, unknown>[],
    },
    continueToken: typeof next === 'string' && next !== '' ? next : undefined,
  };
}
