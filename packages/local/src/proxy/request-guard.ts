import type { IncomingMessage } from 'node:http';

/** Why a request is refused before anything is forwarded: the status and the API-shaped error. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** The methods the API has (GET, POST, DELETE); anything else is never forwarded. */
export const FORWARDED_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'DELETE']);

/** The hosts a browser on this machine names the proxy by. */
function ownHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/**
 * Refuses what must not be signed with the user's credentials: a request target that is not a
 * plain path (an absolute URL, `//host`, a backslash, a `.` or `..` segment, plain or encoded; an
 * encoded `/` stays, as an ARN in `/resources/{arn}/findings` needs it), a
 * Host header other than the proxy's own (DNS rebinding: another site's page resolving its name to
 * 127.0.0.1), and a browser request from another origin (`Origin`, `Sec-Fetch-Site`: a page
 * elsewhere posting to the proxy). Undefined when the request may go on.
 * @example refusalOf(request, 4100) // { status: 400, code: 'invalid_request', message: 'The request target must be a path …' }
 */
export function refusalOf(request: IncomingMessage, port: number): Refusal | undefined {
  const target = request.url ?? '';
  const path = target.split('?')[0] ?? '';
  if (!target.startsWith('/') || target.startsWith('//') || target.includes('\\')) {
    return bad('The request target must be a path on this server (no absolute URL, no //host)');
  }
  const segments = path.split('/').map((segment) => segment.replace(/%2e/gi, '.'));
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    return bad('The path may hold no . or .. segment (plain or encoded)');
  }
  const hosts = ownHosts(port);
  const host = request.headers.host ?? '';
  if (!hosts.has(host.toLowerCase())) {
    return bad(`The Host header must name this proxy (127.0.0.1:${port}), not another host`);
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null' && !hosts.has(origin.replace(/^http:\/\//, ''))) {
    return forbidden('Requests from another origin are not forwarded');
  }
  const site = request.headers['sec-fetch-site'];
  if (origin === 'null' || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
    return forbidden('Requests from another site are not forwarded');
  }
  return undefined;
}

function bad(message: string): Refusal {
  return { status: 400, code: 'invalid_request', message };
}

function forbidden(message: string): Refusal {
  return { status: 403, code: 'forbidden', message };
}
