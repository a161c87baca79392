import { SignatureV4 } from '@smithy/signature-v4';
import {
  CLUSTER_ID_HEADER,
  PRESIGN_EXPIRES_SECONDS,
  STS_VERSION,
  TOKEN_LIFETIME_MS,
  TOKEN_PREFIX,
} from './constants.js';
import { NodeSha256 } from './sha256.js';
import type { AwsCredentials, KubernetesCluster } from './types.js';

/** A bearer token for one cluster and when Customs stops using it. */
export interface EksToken {
  token: string;
  /** `X-Amz-Date` + 14 minutes (the server accepts it for 15). */
  expiresAt: Date;
}

/**
 * The regional STS host a token is presigned for (`sts.<region>.amazonaws.com`; `.amazonaws.com.cn`
 * in the China regions), as `aws eks get-token` uses.
 * @example stsHost('eu-west-1') // 'sts.eu-west-1.amazonaws.com'
 */
export function stsHost(region: string): string {
  return `sts.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

/** RFC 3986 encoding, as SigV4 canonicalises query values. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Makes an EKS bearer token exactly as `aws eks get-token` and aws-iam-authenticator do: an STS
 * GetCallerIdentity GET request presigned with SigV4 by the SDK's own signer (`X-Amz-Expires=60`),
 * carrying the `x-k8s-aws-id: <cluster name>` header among its signed headers, then
 * `k8s-aws-v1.` + the URL in base64url without `=` padding. Nothing is sent to STS: the cluster does that.
 * @example const { token } = await createEksToken({ name: 'prod', region: 'eu-west-1' }, fromEnv(), new Date());
 */
export async function createEksToken(
  cluster: Pick<KubernetesCluster, 'name' | 'region'>,
  credentials: AwsCredentials,
  now: Date,
): Promise<EksToken> {
  const host = stsHost(cluster.region);
  const signer = new SignatureV4({ credentials, region: cluster.region, service: 'sts', sha256: NodeSha256 });
  const presigned = await signer.presign(
    {
      method: 'GET',
      protocol: 'https:',
      hostname: host,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: STS_VERSION },
      headers: { host, [CLUSTER_ID_HEADER]: cluster.name },
    },
    { expiresIn: PRESIGN_EXPIRES_SECONDS, signingDate: now },
  );
  const query = Object.entries(presigned.query ?? {})
    .map(([key, value]) => `${encode(key)}=${encode(String(value))}`)
    .join('&');
  const url = `https://${host}/?${query}`;
  const signedAt = Math.floor(now.getTime() / 1000) * 1000;
  return {
    token: `${TOKEN_PREFIX}${Buffer.from(url, 'utf8').toString('base64url')}`,
    expiresAt: new Date(signedAt + TOKEN_LIFETIME_MS),
  };
}

/** A cluster's token, minted on first use and again once it reaches its expiry. */
export interface TokenSource {
  token(): Promise<string>;
}

/**
 * Caches one cluster's token and mints a new one when the clock reaches its expiry (14 minutes
 * after signing, a minute before the server's limit). Concurrent callers share one minting.
 * @example const tokens = tokenSource(cluster, credentials); const bearer = await tokens.token();
 */
export function tokenSource(
  cluster: Pick<KubernetesCluster, 'name' | 'region'>,
  credentials: AwsCredentials,
  now: () => Date = () => new Date(),
): TokenSource {
  let current: EksToken | undefined;
  let minting: Promise<EksToken> | undefined;
  return {
    async token() {
      if (current && now().getTime() < current.expiresAt.getTime()) return current.token;
      minting ??= createEksToken(cluster, credentials, now()).finally(() => {
        minting = undefined;
      });
      current = await minting;
      return current.token;
    },
  };
}
