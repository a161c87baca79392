import type { EcsTaskDefinition } from '../../types/ecs.js';
import type { K8sWorkload } from '../../types/kubernetes.js';
import { containerName, noContainers as noEcsContainers } from '../ecs/containers.js';
import { containerLabel, noContainers as noPodContainers, workloadLabel } from '../k8s/pod-template.js';
import type { DeployedSubject } from './deployed-outcome.js';

/**
 * An ECS task definition revision as a deployment: idle when it has no container or no service
 * or task runs it (the latest revision nobody uses).
 * @example deployedOutcome(ecsSubject(definition), judgeSigned, context, words)
 */
export function ecsSubject(definition: EcsTaskDefinition): DeployedSubject {
  const { use } = definition;
  const idle =
    noEcsContainers(definition) ??
    (use.services.length === 0 && use.runningTasks === 0
      ? `Task definition ${definition.name} is not run by any service or task`
      : undefined);
  return {
    name: definition.name,
    label: `Task definition ${definition.name}`,
    ...(idle ? { idle } : {}),
    containers: definition.containers.map((container) => ({
      name: container.name,
      label: containerName(container),
      ...(container.image === undefined ? {} : { image: container.image }),
      deployedImages: container.deployedImages,
    })),
  };
}

/**
 * A Kubernetes workload as a deployment: idle when its template has no container or no pod of it
 * runs. Exempt namespaces are judged too (not a Pod Security Standards control).
 * @example deployedOutcome(k8sSubject(workload), judgeSigned, context, words)
 */
export function k8sSubject(workload: K8sWorkload): DeployedSubject {
  const idle =
    noPodContainers(workload) ??
    (workload.runningPods === 0 ? `${workloadLabel(workload)} has no running pod` : undefined);
  return {
    name: workload.name,
    label: workloadLabel(workload),
    ...(idle ? { idle } : {}),
    containers: workload.template.containers.map((container) => ({
      name: container.name,
      label: containerLabel(container),
      ...(container.image === undefined ? {} : { image: container.image }),
      deployedImages: container.deployedImages,
    })),
  };
}
