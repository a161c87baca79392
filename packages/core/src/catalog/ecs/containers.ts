import type { EcsContainer, EcsTaskDefinition } from '../../types/ecs.js';

/** The most names a message lists before it says how many more there are. */
const MAX_LISTED = 10;

/**
 * Names for a message: up to ten, then how many more, so a task definition with many containers
 * (or hostile names) still gives a bounded message.
 * @example listed(['web', 'worker']) // 'web, worker'
 */
export function listed(names: string[]): string {
  if (names.length <= MAX_LISTED) return names.join(', ');
  return `${names.slice(0, MAX_LISTED).join(', ')} and ${names.length - MAX_LISTED} more`;
}

/** A container's name for a message; the API requires one, a hostile snapshot may leave it empty. */
export function containerName(container: EcsContainer): string {
  return container.name.length > 0 ? container.name : '(unnamed container)';
}

/**
 * Why a per-container check does not apply, when the task definition has no container
 * definitions (the API requires one; a snapshot may hold none); undefined when it has some.
 * @example const none = noContainers(td); if (none) return notApplicable(none);
 */
export function noContainers(taskDefinition: EcsTaskDefinition): string | undefined {
  return taskDefinition.containers.length === 0
    ? `Task definition ${taskDefinition.name} has no container definitions`
    : undefined;
}
