/** What every EKS bearer token starts with (aws-iam-authenticator `v1Prefix`, `aws eks get-token`). */
export const TOKEN_PREFIX = 'k8s-aws-v1.';

/** The header naming the cluster a token is for; it must be one of the presigned URL's signed headers. */
export const CLUSTER_ID_HEADER = 'x-k8s-aws-id';

/** `X-Amz-Expires` of the presigned URL: sent "for legacy reasons", ignored by the server (15 minutes apply). */
export const PRESIGN_EXPIRES_SECONDS = 60;

/** How long a token is used after its `X-Amz-Date`: both AWS tools report 14 minutes of the server's 15. */
export const TOKEN_LIFETIME_MS = 14 * 60 * 1000;

/** The STS API version of the presigned GetCallerIdentity. */
export const STS_VERSION = '2011-06-15';

/** Items asked for per page of a list (`limit`), as kubectl's chunk size. */
export const DEFAULT_PAGE_LIMIT = 500;

/** Requests in flight at once to one cluster's API server. */
export const DEFAULT_CLUSTER_CONCURRENCY = 4;

/** How long one request may take, connection and body included. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** The largest response body read for one page or object. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** Listings restarted from the first page after a 410 Gone (an expired `continue` token), at most. */
export const MAX_LIST_RESTARTS = 3;

/** Retries of a request answered 429 or 5xx (after the first attempt). */
export const DEFAULT_MAX_RETRIES = 3;

/** The first backoff between retries; it doubles on each retry. */
export const BASE_BACKOFF_MS = 250;

/** The longest wait between retries, whatever `Retry-After` asks for. */
export const MAX_BACKOFF_MS = 10_000;

/** Pages of one listing, at most: a guard against a server whose `continue` never ends. */
export const MAX_LIST_PAGES = 10_000;

/** The longest part of an unexpected body quoted in an error. */
export const QUOTED_BODY_LENGTH = 200;

/** The EKS access policy that reads workloads and namespaces (and no Secrets). */
export const VIEW_POLICY_ARN = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';
