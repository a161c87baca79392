/** Hex lengths of the digests registries verify (opencontainers/go-digest). */
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/** The longest text read at all: an imageID is a reference (at most 4,096 characters) and a digest. */
const MAX_INPUT = 4096 + 160;

/**
 * The repository digest a container runs, normalised to `algorithm:<lower-case hex>`, from what
 * the runtime reports: ECS DescribeTasks `containers[].imageDigest` (`sha256:…`), or a pod's
 * `status.containerStatuses[].imageID` (`docker-pullable://nginx@sha256:…` from dockershim,
 * `docker.io/library/nginx@sha256:…` from containerd: the part after the last `@`). Upper-case hex
 * is lowered (a registry compares digests in lower case). Anything else is undefined: an `imageID`
 * with no `@` (a bare `sha256:…`, or `docker://sha256:…`, is the image's config id, which no
 * registry pulls by and no ECR image has), another algorithm, a truncated or non-hex digest, text
 * longer than any reference. The one normaliser of running digests: the deployed-image reads, the
 * digest → deployments index (`deploymentDigests`) and the pinned checks all use it.
 * @example runningDigest(`docker-pullable://nginx@sha256:${'A'.repeat(64)}`, 'image-id') // `sha256:${'a'.repeat(64)}`
 */
export function runningDigest(text: string, from: 'digest' | 'image-id'): string | undefined {
  if (text.length > MAX_INPUT) return undefined;
  const at = text.lastIndexOf('@');
  if (from === 'image-id' && at < 0) return undefined;
  const digest = (at < 0 ? text : text.slice(at + 1)).trim().toLowerCase();
  const colon = digest.indexOf(':');
  if (colon <= 0) return undefined;
  const length = DIGEST_HEX_LENGTH[digest.slice(0, colon)];
  const hex = digest.slice(colon + 1);
  const isHex = [...hex].every((c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  return length === hex.length && isHex ? digest : undefined;
}
