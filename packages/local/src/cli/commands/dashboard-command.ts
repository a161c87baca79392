import { safeText } from '@customs/core';
import { dashboardHandler } from '@customs/dashboard';
import type { ServeUi } from '../../proxy/index.js';
import type { Command } from './command.js';
import { DASHBOARD_PORT, runDashboard } from './dashboard.js';

/**
 * The UI `customs dashboard` serves: the dashboard's built files (built in the background on first
 * use: a "building" page until then), told that the proxy signs (`auth: proxy`, so it asks for no
 * token). The proxy answers the API itself, at once.
 */
function dashboardUi(warn: (line: string) => void): ServeUi {
  return dashboardHandler({
    config: { auth: 'proxy', apiBase: '' },
    onError: (error) => warn(`the dashboard UI could not be built: ${(error as Error).message}`),
  });
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const dashboardCommand: Command = {
  name: 'dashboard',
  usage: `customs dashboard --api URL [--port ${DASHBOARD_PORT}] [--region R]`,
  summary:
    "The dashboard of a deployed stack on this machine: serves the UI on 127.0.0.1 and forwards its API calls to URL (or CUSTOMS_API_URL), each signed with SigV4 and your AWS credentials (the default chain); forwards nothing to any other host. --region when the API's host does not name it.",
  options: {
    api: { type: 'string' },
    port: { type: 'string' },
    region: { type: 'string' },
  },
  async run(values, _positionals, { out, err }) {
    const warn = (line: string) => err.write(`customs dashboard: ${safeText(line, { maxLength: 2000 })}\n`);
    // The UI is built (when it must be) once the proxy runs: not for options it refuses.
    let ui: ServeUi = () => false;
    const proxy = await runDashboard(values, {
      serveUi: (request, response) => ui(request, response),
      env: process.env,
      say: (line) => out.write(`${safeText(line, { maxLength: 2000 })}\n`),
      warn,
    });
    ui = dashboardUi(warn);
    out.write('Press Ctrl-C to stop.\n');
    await untilStopped();
    await proxy.close();
    out.write('Stopped.\n');
    return undefined;
  },
};
