import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/** How the UI authenticates: `token` (a login form, `Authorization: Bearer`) or `proxy` (none: the proxy signs). */
export interface DashboardConfig {
  auth: 'token' | 'proxy';
  /** Prefix of the API's URLs; '' for the same origin. */
  apiBase: string;
}

export interface ServeDashboardOptions {
  /** The built UI (index.html and assets/): `await dashboardAssets()`. */
  dir: string;
  /** Served as `GET /dashboard-config.json`. */
  config: DashboardConfig;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** No inline script or style, nothing from another origin; the API on the same origin. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': CSP,
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** An asset file name as Vite writes them: letters, digits, `-`, `_`, `.`; no `..`, no separator. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,200}$/;

/** The file under `dir/assets` that `rawPath` (`/assets/…`, still URL-encoded) names, or undefined. */
function assetFile(dir: string, rawPath: string): string | undefined {
  let name: string;
  try {
    name = decodeURIComponent(rawPath.slice('/assets/'.length));
  } catch {
    return undefined;
  }
  if (!ASSET_NAME.test(name) || name.includes('..')) return undefined;
  const root = resolve(dir, 'assets');
  const file = resolve(root, name);
  return file.startsWith(`${root}${sep}`) ? file : undefined;
}

function sendText(response: ServerResponse, status: number, text: string, head: boolean): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(head ? undefined : text);
}

async function sendFile(
  response: ServerResponse,
  file: string,
  cacheControl: string,
  head: boolean,
): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return sendText(response, 404, 'Not found', head);
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': cacheControl,
  });
  if (head) return void response.end();
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}

/**
 * Answers the dashboard's own requests: GET/HEAD `/` (index.html), `/assets/*` (the built files,
 * cached for a year: their names hold a hash) and `/dashboard-config.json`; `false` for anything
 * else (the API's routes), without touching the response. Every answer says `nosniff` and a CSP
 * without inline script; an asset path that would leave `assets/` (`..`, `%2e%2e`, separators) is 404.
 * @example
 * createServer((request, response) => serveDashboard(request, response, { dir, config }) || api(request, response));
 */
export function serveDashboard(
  request: IncomingMessage,
  response: ServerResponse,
  options: ServeDashboardOptions,
): boolean {
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') return false;
  const head = method === 'HEAD';
  const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
  if (rawPath === '/' || rawPath === '/index.html') {
    void sendFile(response, join(options.dir, 'index.html'), 'no-cache', head);
    return true;
  }
  if (rawPath === '/dashboard-config.json') {
    const body = JSON.stringify(options.config);
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': CONTENT_TYPES['.json'] as string,
      'cache-control': 'no-store',
    });
    response.end(head ? undefined : body);
    return true;
  }
  if (rawPath.startsWith('/assets/')) {
    const file = assetFile(options.dir, rawPath);
    if (file === undefined) sendText(response, 404, 'Not found', head);
    else void sendFile(response, file, 'public, max-age=31536000, immutable', head);
    return true;
  }
  return false;
}
