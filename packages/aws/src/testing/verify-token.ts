import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Static AWS credentials a test signs with and the fake API server verifies with. */
export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** AWS's documented example key pair (IAM User Guide): never a real credential. */
export const TEST_CREDENTIALS: StaticCredentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

/** What the server checks a token against: its own cluster name, the signing key, its clock. */
export interface TokenExpectation {
  clusterName: string;
  credentials: StaticCredentials;
  now: Date;
}

/** A token's verdict: accepted, or why not. */
export type TokenVerdict = { ok: true; region: string; amzDate: string } | { ok: false; reason: string };

const MAX_TOKEN_BYTES = 4096;
const PREFIX = 'k8s-aws-v1.';
const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;
const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');
/** aws-iam-authenticator's parameterWhitelist: the only query keys a token's URL may hold. */
const ALLOWED_KEYS = new Set([
  'action',
  'version',
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-security-token',
  'x-amz-signature',
  'x-amz-signedheaders',
]);

function isBase64UrlRaw(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (!(letter || (code >= 48 && code <= 57) || code === 45 || code === 95)) return false;
  }
  return true;
}

function stsHostOk(host: string): boolean {
  if (host === 'sts.amazonaws.com') return true;
  if (!host.startsWith('sts.')) return false;
  const region = host.endsWith('.amazonaws.com.cn')
    ? host.slice(4, -'.amazonaws.com.cn'.length)
    : host.endsWith('.amazonaws.com')
      ? host.slice(4, -'.amazonaws.com'.length)
      : '';
  return region.length > 0 && !region.includes('.');
}

/** `YYYYMMDDTHHMMSSZ` as milliseconds, else NaN. */
function parseAmzDate(value: string): number {
  if (value.length !== 16 || value[8] !== 'T' || value[15] !== 'Z') return Number.NaN;
  const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}T${value.slice(9, 11)}:${value.slice(11, 13)}:${value.slice(13, 15)}Z`;
  return Date.parse(iso);
}

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** SigV4 of the presigned GET, computed here independently of the SDK's signer. */
function expectedSignature(
  params: [string, string][],
  signedHeaders: string[],
  headerValues: Record<string, string>,
  scope: { date: string; region: string; service: string },
  amzDate: string,
  secret: string,
  payloadHash: string,
): string {
  const query = params
    .filter(([key]) => key !== 'X-Amz-Signature')
    .map(([key, value]) => [rfc3986(key), rfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const headers = signedHeaders.map((name) => `${name}:${headerValues[name]}\n`).join('');
  const canonical = ['GET', '/', query, headers, signedHeaders.join(';'), payloadHash].join('\n');
  const credentialScope = `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
  const toSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    credentialScope,
    createHash('sha256').update(canonical).digest('hex'),
  ].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${secret}`, scope.date), scope.region), scope.service),
    'aws4_request',
  );
  return hmac(key, toSign).toString('hex');
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Verifies an EKS bearer token as aws-iam-authenticator's `Verify` does (length, prefix, raw
 * base64url, an https URL to an STS host with path `/`, only the allowed query keys and each once,
 * `Action=GetCallerIdentity`, `X-Amz-Expires` 0..900, `X-Amz-Date` at most 15 minutes old,
 * `x-k8s-aws-id` signed), then does what STS would: re-computes the SigV4 signature with the
 * expected credentials and this cluster's name as the `x-k8s-aws-id` header.
 * @example verifyEksToken(token, { clusterName: 'prod', credentials: TEST_CREDENTIALS, now: new Date() }).ok
 */
export function verifyEksToken(token: string, expected: TokenExpectation): TokenVerdict {
  const no = (reason: string): TokenVerdict => ({ ok: false, reason });
  if (Buffer.byteLength(token) > MAX_TOKEN_BYTES) return no('token is longer than 4096 bytes');
  if (!token.startsWith(PREFIX)) return no('token has no k8s-aws-v1. prefix');
  const encoded = token.slice(PREFIX.length);
  if (!isBase64UrlRaw(encoded)) return no('token is not raw (unpadded) base64url');
  let url: URL;
  try {
    url = new URL(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return no('token does not decode to a URL');
  }
  if (url.protocol !== 'https:') return no('the URL is not https');
  if (!stsHostOk(url.host)) return no(`the URL's host ${url.host} is not an STS host`);
  if (url.pathname !== '/') return no('the URL path is not /');
  const params = [...url.searchParams.entries()];
  const lower = new Map<string, string>();
  for (const [key, value] of params) {
    const name = key.toLowerCase();
    if (!ALLOWED_KEYS.has(name)) return no(`query key ${key} is not allowed`);
    if (lower.has(name)) return no(`query key ${key} appears more than once`);
    lower.set(name, value);
  }
  if (lower.get('action') !== 'GetCallerIdentity') return no('Action is not GetCallerIdentity');
  if (lower.get('version') !== '2011-06-15') return no('Version is not 2011-06-15');
  const expires = Number(lower.get('x-amz-expires'));
  if (!Number.isInteger(expires) || expires < 0 || expires > 900) return no('X-Amz-Expires is not 0..900');
  const amzDate = lower.get('x-amz-date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  if (Number.isNaN(signedAt)) return no('X-Amz-Date is missing or malformed');
  if (expected.now.getTime() - signedAt > FIFTEEN_MINUTES_MS)
    return no('X-Amz-Date is older than 15 minutes');
  const signedHeaders = (lower.get('x-amz-signedheaders') ?? '').split(';');
  if (!signedHeaders.includes('x-k8s-aws-id')) return no('x-k8s-aws-id is not a signed header');
  if (lower.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256')
    return no('X-Amz-Algorithm is not AWS4-HMAC-SHA256');
  const [accessKeyId, date, region, service, terminator, ...rest] = (
    lower.get('x-amz-credential') ?? ''
  ).split('/');
  if (rest.length > 0 || terminator !== 'aws4_request' || service !== 'sts' || !date || !region) {
    return no('X-Amz-Credential is not <key>/<date>/<region>/sts/aws4_request');
  }
  if (accessKeyId !== expected.credentials.accessKeyId) return no('signed by an unknown access key');
  if (amzDate.slice(0, 8) !== date) return no("X-Amz-Credential's date is not X-Amz-Date's");
  if (lower.get('x-amz-security-token') !== expected.credentials.sessionToken)
    return no('X-Amz-Security-Token does not match');
  const values: Record<string, string> = { host: url.host, 'x-k8s-aws-id': expected.clusterName };
  const unknown = signedHeaders.find((name) => !(name in values));
  if (unknown !== undefined) return no(`signed header ${unknown} is not one the server can supply`);
  const given = lower.get('x-amz-signature') ?? '';
  const scope = { date, region, service };
  const secret = expected.credentials.secretAccessKey;
  // The SDK signs the empty body's hash; botocore (`aws eks get-token`) signs UNSIGNED-PAYLOAD. STS takes both.
  const matches = [EMPTY_SHA256, 'UNSIGNED-PAYLOAD'].some((payload) =>
    sameHex(given, expectedSignature(params, signedHeaders, values, scope, amzDate, secret, payload)),
  );
  return matches
    ? { ok: true, region, amzDate }
    : no('the signature does not match (another cluster, or tampered)');
}
