import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/dynamodb/index.js';
import { type ApiServer, startApiServer } from '../../src/http/index.js';

const TOKEN = 'config-token-77aa';

describe("the local API server's /dashboard-config.json", () => {
  const servers: { withConfig?: ApiServer; without?: ApiServer } = {};
  const reached: string[] = [];

  beforeAll(async () => {
    // An API handler that says it answered (the config never reaches it).
    const handler = async (event: { rawPath: string }) => {
      reached.push(event.rawPath);
      return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"api":true}' };
    };
    servers.withConfig = await startApiServer({
      port: await findFreePort(),
      handler,
      token: TOKEN,
      dashboardConfig: { auth: 'token', apiBase: '' },
    });
    servers.without = await startApiServer({ port: await findFreePort(), handler, token: TOKEN });
  });
  afterAll(async () => {
    await servers.withConfig?.close();
    await servers.without?.close();
  });

  it('tells the UI, without the token, to ask for it; the API keeps its token check', async () => {
    // Act
    const config = await fetch(`${servers.withConfig?.url}/dashboard-config.json`);
    const api = await fetch(`${servers.withConfig?.url}/summary`);
    const notServed = await fetch(`${servers.without?.url}/dashboard-config.json`);
    // Assess
    expect(config.status).toBe(200);
    expect(config.headers.get('cache-control')).toBe('no-store');
    expect(await config.json()).toEqual({ auth: 'token', apiBase: '' });
    expect(api.status).toBe(401);
    expect(notServed.status).toBe(401);
    expect(reached).toEqual([]);
  });
});
