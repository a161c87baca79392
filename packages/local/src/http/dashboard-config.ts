import type { ServerResponse } from 'node:http';

/** Where the dashboard UI asks how it reaches the API: served without authentication, holding no data. */
export const DASHBOARD_CONFIG_PATH = '/dashboard-config.json';

/**
 * What the dashboard UI is told (`GET /dashboard-config.json`): `token` on `customs start` (it asks
 * for the API token and sends `Authorization: Bearer <token>`), `proxy` behind `customs dashboard`
 * (it sends no token: the proxy signs each request with the user's AWS credentials). `apiBase` is
 * prefixed to the API's paths: `""`, the same origin, on both.
 */
export interface DashboardConfig {
  auth: 'token' | 'proxy';
  apiBase: string;
}

/**
 * Answers `GET /dashboard-config.json` with `config` (never cached, so a restarted server's mode is read again).
 * @example sendDashboardConfig(response, { auth: 'token', apiBase: '' });
 */
export function sendDashboardConfig(response: ServerResponse, config: DashboardConfig): void {
  response
    .writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(JSON.stringify(config));
}
