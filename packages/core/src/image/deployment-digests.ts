import type { EcsTaskDefinition } from '../types/ecs.js';
import type { K8sWorkload } from '../types/kubernetes.js';
import type { Resource } from '../types/resource.js';
import { ecrRegistryHost } from './ecr-registry-host.js';
import { parseImageReference } from './parse-image-reference.js';
import { runningDigest } from './running-digest.js';

/**
 * One image digest a deployment runs: what the digest → deployments index keeps of it
 * (packages/store, "Deployed digests") and what an ECR image finding's `inUse` adds up.
 */
export interface DeploymentDigest {
  /** `sha256:<64 lower-case hex>` (or sha384 / sha512), as `runningDigest` normalises it. */
  digest: string;
  /** The ECR repository, when the container's image is in the deployment's own account and region. */
  repositoryName?: string;
  /** Running tasks (ECS: of the revision) or pods (Kubernetes: of the workload). */
  count: number;
  /** Where it runs: `cluster/service` for ECS services, the revision for bare tasks, the workload's name. */
  where: string[];
}

/** The resource types whose running digests are indexed. */
const DEPLOYMENT_TYPES = ['ecs-task-definition', 'k8s-workload'] as const;

/** The longest image reference read at all. */
const MAX_INPUT = 4096 + 160;

const PULLABLE = 'docker-pullable://';

/**
 * The ECR repository of an image reference (or an imageID, `docker-pullable://` and its digest
 * dropped) in the resource's own account and region, else undefined.
 */
function ownRepository(image: string | undefined, resource: Resource): string | undefined {
  if (image === undefined || image.length > MAX_INPUT) return undefined;
  const bare = image.startsWith(PULLABLE) ? image.slice(PULLABLE.length) : image;
  const at = bare.indexOf('@');
  const parsed = parseImageReference(at >= 0 ? bare.slice(0, at) : bare);
  if (!parsed.ok) return undefined;
  const host = ecrRegistryHost(parsed.reference.registry);
  return host && host.accountId === resource.accountId && host.region === resource.region
    ? parsed.reference.repository
    : undefined;
}

function ecsDigests(revision: EcsTaskDefinition): DeploymentDigest[] {
  const { use } = revision;
  if (use.runningTasks === 0) return [];
  const where = use.services.length > 0 ? [...use.services].sort() : [revision.name];
  return revision.containers.flatMap((container) =>
    container.runningDigests.flatMap((raw) => {
      const digest = runningDigest(raw, 'digest');
      if (!digest) return [];
      const repositoryName = ownRepository(container.image, revision);
      return [{ digest, ...(repositoryName ? { repositoryName } : {}), count: use.runningTasks, where }];
    }),
  );
}

function k8sDigests(workload: K8sWorkload): DeploymentDigest[] {
  if (workload.runningPods === 0) return [];
  const where = [workload.name];
  return workload.template.containers.flatMap((container) =>
    container.runningImageIds.flatMap((raw) => {
      const digest = runningDigest(raw, 'image-id');
      if (!digest) return [];
      const repositoryName = ownRepository(container.image, workload) ?? ownRepository(raw, workload);
      return [{ digest, ...(repositoryName ? { repositoryName } : {}), count: workload.runningPods, where }];
    }),
  );
}

/**
 * The digests a deployment runs now, one entry per digest (containers running the same digest
 * merge; the ECR repository is the first container's that names one): an ECS task definition
 * revision's running tasks (`runningDigests`), a Kubernetes workload's running pods
 * (`runningImageIds`). Any other resource, or a deployment that runs nothing, runs none: `[]`.
 * @example deploymentDigests(revision) // [{ digest: 'sha256:…', repositoryName: 'team/app', count: 3, where: ['payments/payments-api'] }]
 */
export function deploymentDigests(resource: Resource): DeploymentDigest[] {
  const all =
    resource.type === 'ecs-task-definition'
      ? ecsDigests(resource)
      : resource.type === 'k8s-workload'
        ? k8sDigests(resource)
        : [];
  const byDigest = new Map<string, DeploymentDigest>();
  for (const entry of all) {
    const seen = byDigest.get(entry.digest);
    if (!seen) byDigest.set(entry.digest, entry);
    else if (!seen.repositoryName && entry.repositoryName) seen.repositoryName = entry.repositoryName;
  }
  return [...byDigest.values()].sort((a, b) => (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0));
}

/**
 * Whether a resource type is a deployment whose digests are indexed.
 * @example isDeploymentType('k8s-workload') // true
 */
export function isDeploymentType(type: string): boolean {
  return (DEPLOYMENT_TYPES as readonly string[]).includes(type);
}
