import { UsageError } from '../errors.js';
import { apiUrl, authorizationFor, DEFAULT_API, type FindingsOptions } from './findings.js';

/** Where a command that talks to the API finds it and proves who calls. */
export type ApiOptions = Pick<FindingsOptions, 'api' | 'token' | 'sigv4'>;

/**
 * One call to the API of a running stack (`customs start`, the token from `--token` or
 * `CUSTOMS_API_TOKEN`) or of the deployed one (`CUSTOMS_API_URL`, SigV4): the JSON it answered, or
 * a UsageError with what the API said (its status and message) or what to do.
 * @example await callApi({ token }, process.env, 'DELETE', `/suppressions/${id}`);
 */
export async function callApi(
  options: ApiOptions,
  env: NodeJS.ProcessEnv,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const api = options.api ?? env.CUSTOMS_API_URL ?? DEFAULT_API;
  const base = apiUrl(api);
  const authorization = authorizationFor(base, options, env);
  const url = new URL(`${base.pathname.replace(/\/$/, '')}${path}`, base);
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers = await authorization.headers(url, method, text);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { ...headers, ...(text === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(text === undefined ? {} : { body: text }),
    });
  } catch {
    throw new UsageError(
      `cannot reach the Customs API at ${url.origin}: start it with customs start, or pass --api URL`,
    );
  }
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown> & {
    error?: { message?: string };
    message?: string;
  };
  if (response.status === 401 || response.status === 403) {
    throw new UsageError(authorization.refused(answer.error?.message ?? answer.message));
  }
  if (!response.ok) {
    throw new UsageError(
      `the API answered ${response.status}: ${answer.error?.message ?? response.statusText}`,
    );
  }
  return answer;
}
