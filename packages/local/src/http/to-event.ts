import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

const TEXT_TYPES = /^(text\/|application\/(json|x-www-form-urlencoded|xml)|[^;]*\+json)/i;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's request time format: `10/Mar/2020:05:16:23 +0000`. */
function requestTime(at: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(at.getUTCDate())}/${MONTHS[at.getUTCMonth()]}/${at.getUTCFullYear()}:${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())} +0000`;
}

/** The path decoded as API Gateway HTTP APIs deliver it (left as sent when it is not valid encoding). */
function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/**
 * Turns a Node HTTP request and its body into the event API Gateway HTTP APIs send with payload
 * format 2.0: `rawPath` decoded (as API Gateway does), `rawQueryString` as sent, repeated query
 * parameters and headers joined with commas, headers lower-cased, cookies in `cookies`, a textual
 * body as is and any other base64-encoded, route key `$default` (path parameters are the router's).
 * @example const event = toHttpApiEvent(request, body);
 */
export function toHttpApiEvent(
  request: IncomingMessage,
  body: Buffer,
  at = new Date(),
): APIGatewayProxyEventV2 {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const rawPath = decodedPath(url.pathname);
  // Maps, then own properties: a parameter named `__proto__` or `constructor` is a parameter like
  // any other (an assignment to a plain object would set its prototype or read Object's).
  const joined = new Map<string, string>();
  for (const [name, value] of url.searchParams) {
    const earlier = joined.get(name);
    joined.set(name, earlier === undefined ? value : `${earlier},${value}`);
  }
  const query: Record<string, string> = Object.fromEntries(joined);
  const headers: Record<string, string> = Object.fromEntries(
    Object.entries(request.headers).flatMap(([name, value]): [string, string][] =>
      name === 'cookie' || value === undefined
        ? []
        : [[name, Array.isArray(value) ? value.join(',') : value]],
    ),
  );
  const cookies = request.headers.cookie?.split(/;\s*/).filter(Boolean);
  const host = headers.host ?? 'localhost';
  const text = TEXT_TYPES.test(headers['content-type'] ?? '');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(cookies && cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(joined.size > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      http: {
        method: request.method ?? 'GET',
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: requestTime(at),
      timeEpoch: at.getTime(),
    },
    ...(body.length > 0 ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !text,
  };
}
