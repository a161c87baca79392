import type { EcsTaskDefinition } from '../../types/ecs.js';

/**
 * How the checks read `runtimePlatform.operatingSystemFamily`: `LINUX`, a `WINDOWS_SERVER_*`
 * value, unset (ECS's default, which Security Hub's ECS.20 and ECS.21 both apply to), or a
 * value ECS does not document (named in the check's reason).
 */
export type OsFamily = 'linux' | 'windows' | 'unset' | 'unknown';

/**
 * The operating system family of a task definition, compared case-insensitively.
 * @example osFamilyOf(td) === 'windows' // for WINDOWS_SERVER_2022_CORE
 */
export function osFamilyOf(taskDefinition: EcsTaskDefinition): OsFamily {
  const family = taskDefinition.operatingSystemFamily?.trim().toUpperCase();
  if (family === undefined || family === '') return 'unset';
  if (family === 'LINUX') return 'linux';
  return family.startsWith('WINDOWS_SERVER') ? 'windows' : 'unknown';
}

/**
 * Why a Linux-only check does not apply to a Windows task definition (or one whose family ECS
 * does not document); undefined when it applies.
 */
export function notLinux(taskDefinition: EcsTaskDefinition, what: string): string | undefined {
  const family = osFamilyOf(taskDefinition);
  if (family === 'windows') {
    return `Task definition ${taskDefinition.name} is a Windows task definition (${taskDefinition.operatingSystemFamily}): ${what} applies to Linux containers only`;
  }
  if (family === 'unknown') {
    return `Task definition ${taskDefinition.name} has operatingSystemFamily ${taskDefinition.operatingSystemFamily}, neither LINUX nor WINDOWS_SERVER_*: ${what} is not judged`;
  }
  return undefined;
}
