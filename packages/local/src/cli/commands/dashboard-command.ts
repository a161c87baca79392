import { safeText } from '@customs/core';
import type { ServeUi } from '../../proxy/index.js';
import type { Command } from './command.js';
import { DASHBOARD_PORT, runDashboard } from './dashboard.js';

/**
 * The UI `customs dashboard` serves. The proxy answers the API and `/dashboard-config.json`
 * itself; every other path is the UI's (answered 404 when it does not answer). Without the
 * dashboard package in the workspace there is none: merged with it, this is its static handler.
 */
const serveUi: ServeUi = () => false;

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
    const proxy = await runDashboard(values, {
      serveUi,
      env: process.env,
      say: (line) => out.write(`${safeText(line, { maxLength: 2000 })}\n`),
      warn: (line) => err.write(`customs dashboard: ${safeText(line, { maxLength: 2000 })}\n`),
    });
    out.write('Press Ctrl-C to stop.\n');
    await untilStopped();
    await proxy.close();
    out.write('Stopped.\n');
    return undefined;
  },
};
