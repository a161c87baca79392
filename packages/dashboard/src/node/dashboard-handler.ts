import type { IncomingMessage, ServerResponse } from 'node:http';
import { dashboardAssets } from './dashboard-assets.js';
import { type DashboardConfig, SECURITY_HEADERS, serveDashboard } from './serve-dashboard.js';

/** Answers the dashboard's requests (true) or leaves the request to the API (false). */
export type DashboardHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

export interface DashboardHandlerOptions {
  /** What `/dashboard-config.json` says (served at once, before the UI is built). */
  config: DashboardConfig;
  /** The built UI's folder, when it is ready [`dashboardAssets()`: built on first use]. */
  assets?: Promise<string>;
  /** Told once when the UI could not be built (the API goes on; the pages say so). */
  onError?: (error: unknown) => void;
  /** Seconds the "building" page waits before it reloads [2]. */
  retryAfterSeconds?: number;
}

/** A page of the UI (what needs the build): `/`, `/index.html`, `/assets/*`. */
function isUiPath(request: IncomingMessage): boolean {
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  return path === '/' || path === '/index.html' || path.startsWith('/assets/');
}

/** A static page without script (the CSP allows none inline): a title, one line, a reload after `refresh` s. */
function sendPage(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  text: string,
  refresh?: number,
): void {
  const escaped = text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const meta = refresh === undefined ? '' : `<meta http-equiv="refresh" content="${refresh}">`;
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8">${meta}<title>Customs</title></head><body><main><h1>Customs dashboard</h1><p>${escaped}</p></main></body></html>`;
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    ...(refresh === undefined ? {} : { 'retry-after': String(refresh) }),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * The dashboard on a server that must answer at once (`customs start`'s API, `customs dashboard`'s
 * proxy): the UI is built in the background (`dashboardAssets`), its config served from the start,
 * and until the build is ready its pages answer 503 "building" (reloading every 2 s, `Retry-After`)
 * while every other path goes to the API. A failed build is told once (`onError`) and its pages
 * answer 500 naming why; the API is not affected.
 * @example
 * const dashboard = dashboardHandler({ config: { auth: 'token', apiBase: '' } });
 * startApiServer({ …, serveFirst: dashboard }); // the API answers while the UI builds
 */
export function dashboardHandler(options: DashboardHandlerOptions): DashboardHandler {
  const retry = options.retryAfterSeconds ?? 2;
  let state: { dir: string } | { failed: string } | undefined;
  void (options.assets ?? dashboardAssets()).then(
    (dir) => {
      state = { dir };
    },
    (error: unknown) => {
      state = { failed: error instanceof Error ? error.message : String(error) };
      options.onError?.(error);
    },
  );
  return function serveDashboardWhenBuilt(request, response) {
    if (state !== undefined && 'dir' in state) {
      return serveDashboard(request, response, { dir: state.dir, config: options.config });
    }
    if (!isUiPath(request)) {
      // Only the config is answered without the build; everything else is the API's.
      return serveDashboard(request, response, { dir: '', config: options.config });
    }
    if (state === undefined) {
      sendPage(
        request,
        response,
        503,
        'The dashboard is being built; this page reloads when it is ready.',
        retry,
      );
    } else {
      sendPage(request, response, 500, `The dashboard could not be built: ${state.failed.slice(0, 500)}`);
    }
    return true;
  };
}
