import { type ResourceRef, runningDigest } from '@customs/core';
import type { FindingsRepository, MovedDigest } from '@customs/store';

/** One key per resource a ref names. */
export const refKey = (ref: ResourceRef) => `${ref.type}|${ref.parent ?? ''}|${ref.name}`;

/**
 * The deployments that run the digests of the ECR image refs (an image's scan result, Inspector
 * finding, referrer or deletion), from the digest → deployments index: one Query per distinct
 * digest, so the reads follow the deployments of that digest, never the account.
 * @example await deploymentRefsOf([{ type: 'ecr-image', name: 'sha256:…', parent: 'team/app' }], repository)
 */
export async function deploymentRefsOf(
  refs: readonly ResourceRef[],
  repository: FindingsRepository,
): Promise<ResourceRef[]> {
  const digests = new Set(
    refs.flatMap((ref) => {
      const digest = ref.type === 'ecr-image' ? runningDigest(ref.name, 'digest') : undefined;
      return digest ? [digest] : [];
    }),
  );
  const found = new Map<string, ResourceRef>();
  for (const digest of digests) {
    for (const deployment of await repository.deploymentsOfDigest(digest)) {
      const ref: ResourceRef = {
        type: deployment.resourceType,
        name: deployment.refName,
        ...(deployment.refParent === undefined ? {} : { parent: deployment.refParent }),
        accountId: deployment.accountId,
        region: deployment.region,
      };
      found.set(refKey(ref), ref);
    }
  }
  return [...found.values()];
}

/**
 * The ECR images whose digests started or stopped running (or moved) on a deployment: the
 * repository is known only for an image of the deployment's own account and region's ECR, the
 * collector's scope, so images elsewhere (whose findings Customs does not hold) are left out.
 * @example imageRefsOf([{ digest: 'sha256:…', repositoryName: 'team/app', resourceId }], scope)
 */
export function imageRefsOf(
  moved: readonly MovedDigest[],
  scope: { accountId: string; region: string },
): ResourceRef[] {
  const refs = new Map<string, ResourceRef>();
  for (const { digest, repositoryName } of moved) {
    if (!repositoryName) continue;
    const ref: ResourceRef = { type: 'ecr-image', name: digest, parent: repositoryName, ...scope };
    refs.set(refKey(ref), ref);
  }
  return [...refs.values()];
}
