import type { ResourceRef } from '@customs/core';
import type { CloudTrailDetail } from '../schemas/cloudtrail.js';
import { nameIn } from './arn.js';

type RefsOf = (detail: CloudTrailDetail, accountId: string) => Omit<ResourceRef, 'accountId' | 'region'>[];

const REQUEST = 'detail.requestParameters';

const repository: RefsOf = (detail) => {
  const name = nameIn(detail.requestParameters, REQUEST, 'ecr-repository', 'repositoryName');
  return name ? [{ type: 'ecr-repository', name }] : [];
};
const registry: RefsOf = (detail, accountId) => [
  {
    type: 'ecr-registry',
    name: nameIn(detail.requestParameters, REQUEST, 'account-id', 'registryId') ?? accountId,
  },
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
