import { createServer } from 'node:net';
import { StartError } from './errors.js';

/**
 * Fails fast, before anything else starts, when the API's port is taken.
 * @example await ensurePortFree(4000, '127.0.0.1');
 */
export function ensurePortFree(port: number, host: string): Promise<void> {
  return new Promise(function probe(resolve, reject) {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EADDRINUSE'
          ? `Port ${port} on ${host} is already in use: stop what uses it or choose another port with --port.`
          : `Cannot listen on ${host}:${port} (${error.code ?? error.message}): choose another port with --port.`;
      reject(new StartError(why));
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
