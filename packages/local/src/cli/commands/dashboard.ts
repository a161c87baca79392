import { safeText } from '@customs/core';
import { type ServeUi, type SigningProxy, startSigningProxy } from '../../proxy/index.js';
import { UsageError } from '../errors.js';
import { type RequestSigner, sigV4Signer } from '../sigv4.js';

/** `customs dashboard`'s options, as parsed. */
export interface DashboardOptions {
  api?: string;
  port?: string;
  region?: string;
}

/** The port `customs dashboard` serves on unless told (`customs start` has 4000). */
export const DASHBOARD_PORT = 4100;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/**
 * The deployed API's URL: https (http only on this machine, e.g. a test's loopback API), without
 * credentials, query or fragment in it.
 * @example deployedApi('https://r3pmxmplak.execute-api.eu-west-1.amazonaws.com/prod').pathname; // '/prod'
 */
export function deployedApi(value: string | undefined): URL {
  if (!value)
    throw new UsageError('customs dashboard needs --api URL: the deployed API (or set CUSTOMS_API_URL)');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--api ${safeText(value, { maxLength: 200 })} is not a URL`);
  }
  const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !local) {
    throw new UsageError(`--api must be an https URL (the deployed API), not ${url.protocol}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new UsageError('--api holds no user, password, query or fragment: only the API base URL');
  }
  return url;
}

function portOf(value: string | undefined): number {
  if (value === undefined) return DASHBOARD_PORT;
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port < 1 || port > 65_535) {
    throw new UsageError(`--port ${safeText(value, { maxLength: 20 })} is not a port number (1-65535)`);
  }
  return port;
}

/** Everything `runDashboard` needs besides the options. */
export interface DashboardRun {
  /** The dashboard UI (its static files and pages). */
  serveUi: ServeUi;
  say: (line: string) => void;
  warn: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** A signer other than SigV4 with the default credentials (tests) [sigV4Signer]. */
  signer?: RequestSigner;
}

/**
 * Starts `customs dashboard`: checks the options, signs a first request (so missing credentials
 * are told at once, not on the first page), serves the UI and the signing proxy on 127.0.0.1 and
 * says where. Resolves to the running proxy.
 * @example const proxy = await runDashboard({ api: url }, { serveUi, say: console.log, warn: console.error, env: process.env });
 */
export async function runDashboard(options: DashboardOptions, run: DashboardRun): Promise<SigningProxy> {
  const api = deployedApi(options.api ?? run.env.CUSTOMS_API_URL);
  const port = portOf(options.port);
  if (options.region !== undefined && !REGION.test(options.region)) {
    throw new UsageError(`--region ${safeText(options.region, { maxLength: 40 })} is not an AWS region`);
  }
  const signer = run.signer ?? sigV4Signer(api, run.env, undefined, options.region);
  await signer.sign(new URL(`${api.pathname.replace(/\/$/, '')}/health`, api), 'GET', {});
  const proxy = await startSigningProxy({ api, signer, port, serveUi: run.serveUi, onError: run.warn }).catch(
    (error: Error) => {
      throw new UsageError(error.message);
    },
  );
  run.say(`Customs dashboard: ${proxy.url}/`);
  run.say(
    `  API:   ${api.origin}${api.pathname.replace(/\/$/, '')} (each request signed with your AWS credentials)`,
  );
  return proxy;
}
