import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { UsageError } from './errors.js';

type SignerInit = ConstructorParameters<typeof SignatureV4>[0];
type HttpRequest = Parameters<SignatureV4['sign']>[0];

/** `{api-id}.execute-api.{region}.amazonaws.com` (or `.amazonaws.com.cn`): the API Gateway default endpoint. */
const EXECUTE_API_HOST = /^[a-z0-9]+\.execute-api\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;

/**
 * The region of an API Gateway default endpoint, or undefined for any other host.
 * @example executeApiRegion(new URL('https://r3pmxmplak.execute-api.eu-west-1.amazonaws.com')); // 'eu-west-1'
 */
export function executeApiRegion(url: URL): string | undefined {
  return EXECUTE_API_HOST.exec(url.hostname)?.[1];
}

/** SHA-256 (HMAC when given a secret) with node:crypto, in the shape the signer hashes with. */
class NodeSha256 {
  readonly #secret: Uint8Array | undefined;
  #hash: Hash | Hmac;

  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.#secret = secret === undefined ? undefined : bytesOf(secret);
    this.#hash = this.#fresh();
  }

  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.#hash.update(bytesOf(data));
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }

  reset(): void {
    this.#hash = this.#fresh();
  }

  #fresh(): Hash | Hmac {
    return this.#secret ? createHmac('sha256', this.#secret) : createHash('sha256');
  }
}

function bytesOf(data: string | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** Signs requests to one API; `sign` returns the headers to send. */
export interface RequestSigner {
  /** The headers that sign a request (its `body` too, when it has one). */
  sign(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<Record<string, string>>;
}

/**
 * A SigV4 signer for service `execute-api` (API Gateway's IAM authorization), with credentials
 * from the default chain (environment, shared config and credentials files and SSO, container and
 * instance roles) and `region` when given, else the region of the API's host, else `AWS_REGION`.
 * @example const signer = sigV4Signer(new URL(apiUrl)); const headers = await signer.sign(url, 'GET', { accept: 'application/json' });
 */
export function sigV4Signer(
  api: URL,
  env: NodeJS.ProcessEnv = process.env,
  credentials: SignerInit['credentials'] = defaultProvider(),
  chosenRegion?: string,
): RequestSigner {
  const region = chosenRegion ?? executeApiRegion(api) ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) {
    throw new UsageError(
      `cannot tell the region of ${api.host} to sign for: set AWS_REGION (the API's region) or pass --region`,
    );
  }
  const signer = new SignatureV4({
    credentials,
    region,
    service: 'execute-api',
    sha256: NodeSha256,
  });
  return {
    async sign(url, method, headers, body) {
      const request: HttpRequest = {
        method,
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: { ...headers, host: url.host },
        ...(body === undefined ? {} : { body }),
      };
      let signed: HttpRequest;
      try {
        signed = await signer.sign(request);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new UsageError(
          `cannot sign the request with AWS credentials (${why}): configure them, e.g. AWS_PROFILE`,
        );
      }
      // fetch sets Host itself, to the URL's host, which is the one signed.
      const { host: _host, ...sent } = signed.headers;
      return sent;
    },
  };
}
