import { ecrRegistryHost } from './ecr-registry-host.js';
import type { ImageReference } from './parse-image-reference.js';

/** Where an image runs: the account and region whose private ECR registry is the account's own. */
export interface ImageScope {
  accountId: string;
  region: string;
}

/** docker.io's legacy host, the same registry (distribution/reference). */
const LEGACY_DOCKER_HUB = 'index.docker.io';

/** An `approvedRegistries` entry: a host, optionally with a path prefix of whole segments. */
function approvedEntry(entry: string): { host: string; path: string } {
  let text = entry.trim().toLowerCase();
  while (text.endsWith('/')) text = text.slice(0, -1);
  const slash = text.indexOf('/');
  const host = slash < 0 ? text : text.slice(0, slash);
  return {
    host: host === LEGACY_DOCKER_HUB ? 'docker.io' : host,
    path: slash < 0 ? '' : text.slice(slash + 1),
  };
}

/**
 * Is the image in this account's private ECR registry, in the scope's region (any repository
 * path: pull-through cache repositories live there too)?
 * @example isOwnEcr(reference, { accountId: '012345678910', region: 'us-east-1' }) // true for 012345678910.dkr.ecr.us-east-1.amazonaws.com/app:1
 */
export function isOwnEcr(reference: ImageReference, scope: ImageScope): boolean {
  const host = ecrRegistryHost(reference.registry);
  return host !== undefined && host.accountId === scope.accountId && host.region === scope.region;
}

/**
 * Is the image from an approved registry? This account's private ECR in the scope's region
 * (whatever the repository path: which upstreams pull-through cache rules may cache is judged on
 * the registry by ecr-registry-pull-through-allowlist), or an `approvedRegistries` entry: a whole
 * host (`ghcr.io`) or a host with a prefix of whole path segments (`docker.io/library` approves
 * `docker.io/library/nginx`, not `docker.io/library-x/y`), compared case-insensitively, with
 * `index.docker.io` read as docker.io. The ECS and Kubernetes approved-registry checks both judge
 * by this one function.
 * @example isApprovedImage(parsed, { accountId, region, approvedRegistries: ['public.ecr.aws'] })
 */
export function isApprovedImage(
  reference: ImageReference,
  scope: ImageScope & { approvedRegistries: readonly string[] },
): boolean {
  if (isOwnEcr(reference, scope)) return true;
  const registry = reference.registry.toLowerCase();
  return scope.approvedRegistries.some(function approves(text) {
    const { host, path } = approvedEntry(text);
    return (
      host.length > 0 &&
      host === registry &&
      (path === '' || reference.repository === path || reference.repository.startsWith(`${path}/`))
    );
  });
}
