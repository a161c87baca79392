import { createServer } from 'node:net';

/**
 * Asks the operating system for a TCP port that is free on 127.0.0.1 right now.
 * @example
 * const port = await findFreePort(); // e.g. 49731
 */
export function findFreePort(): Promise<number> {
  return new Promise(function probe(resolve, reject) {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', function release() {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('No free port was assigned'))));
    });
  });
}
