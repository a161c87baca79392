import { type EcsTaskDefinition, type K8sWorkload, runningDigest } from '@customs/core';
import type { ReadContext } from './context.js';
import { type DeployedRead, readDeployedImages } from './read-deployed-images.js';

/** A container whose deployed images are read, and the resource its unreadable reason goes to. */
interface Target {
  read: DeployedRead;
  label: string;
  container: { deployedImages: unknown[] };
  resource: { unreadable?: Record<string, string> };
}

async function assign(context: ReadContext, targets: Target[]): Promise<void> {
  const results = await readDeployedImages(
    context,
    targets.map((target) => target.read),
  );
  targets.forEach((target, index) => {
    const result = results[index];
    if (!result) return;
    target.container.deployedImages = result.states;
    if (result.unreadable && target.resource.unreadable?.deployedImages === undefined) {
      target.resource.unreadable = {
        ...target.resource.unreadable,
        deployedImages: `${target.label}: ${result.unreadable}`,
      };
    }
  });
}

/**
 * Sets `deployedImages` on every container of the revisions a service or task runs (one read for
 * them all: calls per distinct repository and digest). The running digests are DescribeTasks'
 * `imageDigest`s; when the running tasks are unknown, so is what runs: `unreadable.deployedImages`.
 * @example await ecsDeployedImages(context, definitions);
 */
export async function ecsDeployedImages(context: ReadContext, definitions: EcsTaskDefinition[]) {
  const targets: Target[] = [];
  for (const definition of definitions) {
    const { use } = definition;
    if (use.services.length === 0 && use.runningTasks === 0) continue;
    const tasksUnknown = definition.unreadable?.runningDigests;
    if (tasksUnknown) {
      definition.unreadable = { ...definition.unreadable, deployedImages: `running tasks: ${tasksUnknown}` };
    }
    for (const container of definition.containers) {
      const running = container.runningDigests.flatMap((digest) => runningDigest(digest, 'digest') ?? []);
      targets.push({
        read: {
          ...(container.image === undefined ? {} : { image: container.image }),
          running: [...new Set(running)],
        },
        label: container.name,
        container,
        resource: definition,
      });
    }
  }
  await assign(context, targets);
}

/**
 * Sets `deployedImages` on every container of the workloads with a running pod (one read for
 * the cluster's workloads), from the pods' `containerStatuses[].imageID` digests.
 * @example await k8sDeployedImages(context, workloads);
 */
export async function k8sDeployedImages(context: ReadContext, workloads: K8sWorkload[]) {
  const targets: Target[] = [];
  for (const workload of workloads) {
    if (workload.runningPods === 0) continue;
    for (const container of workload.template.containers) {
      const running = container.runningImageIds.flatMap((id) => runningDigest(id, 'image-id') ?? []);
      targets.push({
        read: {
          ...(container.image === undefined ? {} : { image: container.image }),
          running: [...new Set(running)],
        },
        label: container.name,
        container,
        resource: workload,
      });
    }
  }
  await assign(context, targets);
}
