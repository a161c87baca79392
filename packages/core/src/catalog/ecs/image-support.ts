import { type ReadImage, readImage } from '../../image/read-image.js';
import type { EcsContainer, EcsTaskDefinition } from '../../types/ecs.js';

/** A container's image as the image checks see it: parsed, or why not. */
export type ContainerImage = ReadImage & { container: EcsContainer };

/**
 * Each container's image, parsed as `docker pull` reads it (`nginx` is `docker.io/library/nginx`).
 * @example containerImages(definition).map((image) => image.kind) // ['parsed', 'missing']
 */
export function containerImages(definition: EcsTaskDefinition): ContainerImage[] {
  return definition.containers.map((container) => ({ ...readImage(container.image), container }));
}
