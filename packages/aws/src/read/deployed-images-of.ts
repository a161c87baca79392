import {
  type DeployedImageState,
  type EcsTaskDefinition,
  type K8sWorkload,
  runningDigest,
} from '@customs/core';
import type { ReadContext } from './context.js';
import { type DeployedRead, readDeployedImages } from './read-deployed-images.js';

/** A container whose deployed images are read: its name, reference and the digests its runtime reported. */
interface DeployedContainer {
  name: string;
  image?: string;
  deployedImages: DeployedImageState[];
}

/** The resource a container's unreadable reason goes to (`unreadable.deployedImages`). */
interface DeployedResource {
  unreadable?: Record<string, string>;
}

/** A container whose deployed images are read, and the resource its unreadable reason goes to. */
interface Target {
  read: DeployedRead;
  container: DeployedContainer;
  resource: DeployedResource;
}

/**
 * The read of each container of one deployment: its reference and the distinct digests its
 * runtime reported (`from`: ECS's `imageDigest`s, or pods' `imageID`s), normalised by `runningDigest`.
 */
function targetsOf<C extends DeployedContainer>(
  resource: DeployedResource,
  containers: readonly C[],
  from: 'digest' | 'image-id',
  reported: (container: C) => readonly string[],
): Target[] {
  return containers.map((container) => {
    const running = reported(container).flatMap((text) => runningDigest(text, from) ?? []);
    return {
      read: {
        ...(container.image === undefined ? {} : { image: container.image }),
        running: [...new Set(running)],
      },
      container,
      resource,
    };
  });
}

/** One read for all targets; each container gets its states, its resource the first unreadable reason. */
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
        deployedImages: `${target.container.name}: ${result.unreadable}`,
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
  const targets = definitions.flatMap((definition) => {
    const { use } = definition;
    if (use.services.length === 0 && use.runningTasks === 0) return [];
    const tasksUnknown = definition.unreadable?.runningDigests;
    if (tasksUnknown) {
      definition.unreadable = { ...definition.unreadable, deployedImages: `running tasks: ${tasksUnknown}` };
    }
    return targetsOf(definition, definition.containers, 'digest', (container) => container.runningDigests);
  });
  await assign(context, targets);
}

/**
 * Sets `deployedImages` on every container of the workloads with a running pod (one read for
 * the cluster's workloads), from the pods' `containerStatuses[].imageID` digests.
 * @example await k8sDeployedImages(context, workloads);
 */
export async function k8sDeployedImages(context: ReadContext, workloads: K8sWorkload[]) {
  const targets = workloads.flatMap((workload) =>
    workload.runningPods === 0
      ? []
      : targetsOf(
          workload,
          workload.template.containers,
          'image-id',
          (container) => container.runningImageIds,
        ),
  );
  await assign(context, targets);
}
