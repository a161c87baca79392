import { ecrRegistryHost, parseImageReference } from '../../image/index.js';
import type { ImageReference } from '../../image/parse-image-reference.js';
import type { EcsContainer, EcsTaskDefinition } from '../../types/ecs.js';

/** A container's image as the image checks see it: parsed, or why not. */
export type ContainerImage =
  | { container: EcsContainer; kind: 'parsed'; reference: ImageReference }
  | { container: EcsContainer; kind: 'missing' }
  | { container: EcsContainer; kind: 'invalid'; error: string };

/**
 * Each container's image, parsed as `docker pull` reads it (`nginx` is `docker.io/library/nginx`).
 * @example containerImages(definition).map((image) => image.kind) // ['parsed', 'missing']
 */
export function containerImages(definition: EcsTaskDefinition): ContainerImage[] {
  return definition.containers.map(function parsed(container): ContainerImage {
    if (container.image === undefined || container.image.trim().length === 0) {
      return { container, kind: 'missing' };
    }
    const result = parseImageReference(container.image);
    return result.ok
      ? { container, kind: 'parsed', reference: result.reference }
      : { container, kind: 'invalid', error: result.error };
  });
}

/**
 * Is the image in this account's private ECR registry, in the task definition's region?
 * @example isOwnEcr(reference, definition) // true for 012345678910.dkr.ecr.us-east-1.amazonaws.com/app:1
 */
export function isOwnEcr(reference: ImageReference, definition: EcsTaskDefinition): boolean {
  const host = ecrRegistryHost(reference.registry);
  return host !== undefined && host.accountId === definition.accountId && host.region === definition.region;
}
