import {
  deploymentDigests,
  type EcrImage,
  type Finding,
  type FindingInspectorUse,
  type FindingInUse,
  type Resource,
  runningDigest,
} from '@customs/core';
import type { FindingsRepository, ResourceDeployments } from '@customs/store';

/** Index lookups (one Query each) run at once by one evaluation. */
const LOOKUP_CONCURRENCY = 8;

/**
 * The digests each deployment (ECS task definition revision, Kubernetes workload) of a batch runs,
 * by resource id, with the ref it is re-read by: what the store keeps in the digest →
 * deployments index. Other resources are absent (the index leaves them alone).
 * @example deploymentsOf(resources).get(revision.id)?.digests // [{ digest: 'sha256:…', count: 3, … }]
 */
export function deploymentsOf(resources: readonly Resource[]): Map<string, ResourceDeployments> {
  const deployments = new Map<string, ResourceDeployments>();
  for (const resource of resources) {
    if (resource.type === 'ecs-task-definition') {
      deployments.set(resource.id, {
        resourceType: resource.type,
        resourceName: resource.name,
        refName: resource.name,
        digests: deploymentDigests(resource),
      });
    } else if (resource.type === 'k8s-workload') {
      deployments.set(resource.id, {
        resourceType: resource.type,
        resourceName: resource.name,
        refName: `${resource.namespace}/${resource.kind}/${resource.workloadName}`,
        refParent: resource.clusterName,
        digests: deploymentDigests(resource),
      });
    }
  }
  return deployments;
}

/**
 * What Amazon Inspector says of an image's use, as a finding carries it: its count and last use
 * (enhanced scanning), or why it is unknown; undefined when Inspector was not asked or does not
 * cover the image.
 */
function inspectorUseOf(image: EcrImage): FindingInspectorUse | undefined {
  const reason = image.unreadable?.inspector;
  if (reason !== undefined) return { unreadable: reason };
  const { inspector } = image;
  if (!inspector) return undefined;
  return {
    ...(inspector.inUseCount !== undefined ? { inUseCount: inspector.inUseCount } : {}),
    ...(inspector.lastInUseAt ? { lastInUseAt: inspector.lastInUseAt.toISOString() } : {}),
  };
}

/**
 * The ECR image findings with `inUse`: the running count and places of the deployments that run
 * the image's digest, from the index (one Query per image of the batch) with the batch's own
 * deployments in place of their index entries (a sweep reads them together), and beside them
 * what Inspector says (`inspector`, from the image's read). Other findings are returned as they are.
 * @example const findings = await withImageUse(evaluateAll(resources), resources, deploymentsOf(resources), repository);
 */
export async function withImageUse(
  findings: readonly Finding[],
  resources: readonly Resource[],
  deployments: ReadonlyMap<string, ResourceDeployments>,
  repository: FindingsRepository,
): Promise<Finding[]> {
  const images = resources.flatMap((resource) =>
    resource.type === 'ecr-image'
      ? [[resource.id, runningDigest(resource.digest, 'digest'), inspectorUseOf(resource)] as const]
      : [],
  );
  if (images.length === 0) return [...findings];
  const useOf = new Map<string, FindingInUse>();
  let next = 0;
  async function lookUp(): Promise<void> {
    while (next < images.length) {
      const [id, digest, inspector] = images[next++] as (typeof images)[number];
      const inventory = digest ? await inUseOf(digest, deployments, repository) : { running: 0, where: [] };
      useOf.set(id, inspector ? { ...inventory, inspector } : inventory);
    }
  }
  await Promise.all(Array.from({ length: Math.min(LOOKUP_CONCURRENCY, images.length) }, lookUp));
  return findings.map((finding) => {
    const inUse = finding.resourceType === 'ecr-image' ? useOf.get(finding.resourceId) : undefined;
    return inUse ? { ...finding, inUse } : finding;
  });
}

async function inUseOf(
  digest: string,
  batch: ReadonlyMap<string, ResourceDeployments>,
  repository: FindingsRepository,
): Promise<FindingInUse> {
  const indexed = (await repository.deploymentsOfDigest(digest)).filter(
    (each) => !batch.has(each.resourceId),
  );
  const entries = [
    ...indexed,
    ...[...batch.values()].flatMap((deployment) =>
      deployment.digests.filter((each) => each.digest === digest),
    ),
  ];
  const where = [...new Set(entries.flatMap((entry) => entry.where))].sort();
  return { running: entries.reduce((sum, entry) => sum + entry.count, 0), where };
}
