import type { IncomingMessage } from 'node:http';

/**
 * Reads a request's body, at most `limit` bytes: `undefined` (and nothing more read) past that,
 * whatever its Content-Length says.
 * @example const body = await readBody(request, 64 * 1024); // undefined: answer 413
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise(function collect(resolve, reject) {
    if (Number(request.headers['content-length'] ?? 0) > limit) return resolve(undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', function take(chunk: Buffer) {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
