import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * A loopback "API Gateway" for the SigV4 tests: it records each request, and
 * `expectedAuthorization` signs what it received again, with SigV4 written apart from the CLI's
 * own, at the time the request says it was signed: the signature AWS computes.
 */
/** AWS's documented example credentials, read by the default chain from the environment. */
export const CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLETOKEN',
  AWS_REGION: 'eu-west-1',
};
export const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/(\d{8})\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The body as received ('' without one). */
  body: string;
}

/** An answer of the loopback API: status, JSON body, and more headers. */
interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** An API that records each request and answers like API Gateway (200 with a page, or 403). */
export function startApi(answer: (request: Received) => Answer | Promise<Answer>) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const each = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(each);
      const { status, body, headers } = await answer(each);
      response
        .writeHead(status, { 'content-type': 'application/json', ...headers })
        .end(JSON.stringify(body));
    });
  });
  return new Promise<{ url: string; received: Received[]; server: Server }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, received, server });
    });
  });
}

/** SHA-256 and its HMAC for the verifying signer, written apart from the CLI's own. */
type SourceData = string | ArrayBuffer | ArrayBufferView;
function bytes(data: SourceData): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  return ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}
class NodeSha256 {
  readonly #chunks: Uint8Array[] = [];
  readonly #secret: Uint8Array | undefined;
  constructor(secret?: SourceData) {
    this.#secret = secret === undefined ? undefined : bytes(secret);
  }
  update(data: SourceData): void {
    this.#chunks.push(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    const hash = this.#secret ? createHmac('sha256', this.#secret) : createHash('sha256');
    for (const chunk of this.#chunks) hash.update(chunk);
    return new Uint8Array(hash.digest());
  }
}

/** Signs what the server received again, at the time it says it was signed: the signature AWS computes. */
export async function expectedAuthorization(request: Received, body?: string): Promise<string> {
  const url = new URL(request.url, `http://${request.headers.host}`);
  const [, , signedHeaders = ''] = AUTHORIZATION.exec(String(request.headers.authorization)) ?? [];
  const sent = Object.fromEntries(
    signedHeaders.split(';').map((name) => [name, String(request.headers[name])] as const),
  );
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: CREDENTIALS.AWS_ACCESS_KEY_ID,
      secretAccessKey: CREDENTIALS.AWS_SECRET_ACCESS_KEY,
      sessionToken: CREDENTIALS.AWS_SESSION_TOKEN,
    },
    region: 'eu-west-1',
    service: 'execute-api',
    sha256: NodeSha256,
  });
  const stamp = String(request.headers['x-amz-date']);
  const signingDate = new Date(
    `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`,
  );
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: sent,
      ...(body === undefined ? {} : { body }),
    },
    { signingDate },
  );
  return String(signed.headers.authorization);
}
