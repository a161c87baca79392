import type { ResourceRef } from '@customs/core';
import type { CloudTrailDetail } from '../schemas/cloudtrail.js';
import { firstString } from './arn.js';

type RefsOf = (detail: CloudTrailDetail, accountId: string) => Omit<ResourceRef, 'accountId' | 'region'>[];

const repository: RefsOf = (detail) => {
  const name = firstString(detail.requestParameters, 'repositoryName');
  return name ? [{ type: 'ecr-repository', name }] : [];
};
const registry: RefsOf = (detail, accountId) => [
  { type: 'ecr-registry', name: firstString(detail.requestParameters, 'registryId') ?? accountId },
];

/** ECR API calls that change what a check reads, and what each re-assesses. */
export const ECR_CALLS: Record<string, RefsOf> = {
  CreateRepository: repository,
  DeleteRepository: repository,
  PutImageTagMutability: repository,
  PutImageScanningConfiguration: repository,
  SetRepositoryPolicy: repository,
  DeleteRepositoryPolicy: repository,
  PutLifecyclePolicy: repository,
  DeleteLifecyclePolicy: repository,
  PutRegistryScanningConfiguration: registry,
  CreatePullThroughCacheRule: registry,
  UpdatePullThroughCacheRule: registry,
  DeletePullThroughCacheRule: registry,
};
