import { type ImageScope, isOwnEcr } from './approved-registry.js';
import type { ImageReference } from './parse-image-reference.js';

/** The most running digests a message names per container. */
const MAX_DIGESTS_NAMED = 3;

/**
 * Why an image is not pinned, for a message (`app:latest: tag latest; running sha256:…`), or
 * undefined when it is: pinned by digest (`@sha256:…`), or by a tag other than `latest` in a
 * repository of this account's ECR (the scope's account and region) whose `imageTagMutability`
 * is `IMMUTABLE`. `IMMUTABLE_WITH_EXCLUSION` does not pin (tags matching its exclusion filters
 * stay mutable, and the filters are not read); no tag means `latest`. `running` are the digests
 * the container runs with, the digest to pin to (at most three named). The ECS and Kubernetes
 * images-pinned checks both judge by this one function.
 * @example unpinnedReason(parsed('nginx'), scope, undefined, []) // 'nginx: no tag, so latest'
 */
export function unpinnedReason(
  reference: ImageReference,
  scope: ImageScope,
  ecrTagMutability: string | undefined,
  running: readonly string[],
): string | undefined {
  if (reference.digest !== undefined) return undefined;
  const tag = reference.tag ?? 'latest';
  let why: string;
  if (tag === 'latest') why = reference.tag === undefined ? 'no tag, so latest' : 'tag latest';
  else if (!isOwnEcr(reference, scope)) why = `tag ${tag} outside this account's ECR`;
  else if (ecrTagMutability !== 'IMMUTABLE') {
    why = `tag ${tag} in a repository with tag mutability ${ecrTagMutability ?? 'unknown'}`;
  } else return undefined;
  const named = running.slice(0, MAX_DIGESTS_NAMED);
  const more = running.length - named.length;
  const digests =
    named.length === 0 ? '' : `; running ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  return `${reference.text}: ${why}${digests}`;
}
