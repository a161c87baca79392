import type * as ecr from '@aws-sdk/client-ecr';
import type { Wire } from '../normalise/wire.js';
import * as schemas from '../snapshot/schemas/index.js';
import { call, PAGE } from './call-info.js';

const REPO = ['repo'] as const;
const IMAGE = ['repo', 'digest'] as const;

/** The calls of Amazon ECR, by operation (see CALLS). */
export const ECR_CALLS = {
  DescribeRegistry: call<Wire<ecr.DescribeRegistryResponse>>()({
    keys: [],
    schema: schemas.ecr.describeRegistry,
    missing: 'absent',
    per: 'region',
  }),
  GetRegistryScanningConfiguration: call<Wire<ecr.GetRegistryScanningConfigurationResponse>>()({
    keys: [],
    schema: schemas.ecr.getRegistryScanningConfiguration,
    per: 'region',
  }),
  DescribePullThroughCacheRules: call<Wire<ecr.DescribePullThroughCacheRulesResponse>>()({
    keys: [],
    schema: schemas.ecr.describePullThroughCacheRules,
    missing: 'absent',
    per: 'region',
  }),
  DescribeRepositories: call<Wire<ecr.DescribeRepositoriesResponse>>()({
    keys: [],
    schema: schemas.ecr.describeRepositories,
    missing: 'absent',
    per: 'region',
    pages: { of: 'ecr-repository', size: PAGE.ecr },
  }),
  BatchGetRepositoryScanningConfiguration: call<Wire<ecr.BatchGetRepositoryScanningConfigurationResponse>>()({
    keys: [],
    schema: schemas.ecr.batchGetRepositoryScanningConfiguration,
    missing: 'absent',
    per: 'region',
    batches: { of: 'ecr-repository', size: PAGE.scanningBatch },
  }),
  GetRepositoryPolicy: call<Wire<ecr.GetRepositoryPolicyResponse>>()({
    keys: REPO,
    schema: schemas.ecr.getRepositoryPolicy,
    per: 'ecr-repository',
  }),
  GetLifecyclePolicy: call<Wire<ecr.GetLifecyclePolicyResponse>>()({
    keys: REPO,
    schema: schemas.ecr.getLifecyclePolicy,
    per: 'ecr-repository',
  }),
  DescribeImages: call<Wire<ecr.DescribeImagesResponse>>()({
    keys: REPO,
    schema: schemas.ecr.describeImages,
    per: 'ecr-repository',
    pages: { of: 'ecr-image', size: PAGE.ecr },
  }),
  DescribeImageScanFindings: call<Wire<ecr.DescribeImageScanFindingsResponse>>()({
    keys: IMAGE,
    schema: schemas.ecr.describeImageScanFindings,
    per: 'ecr-image',
    stored: true,
  }),
  DescribeImageSigningStatus: call<Wire<ecr.DescribeImageSigningStatusResponse>>()({
    keys: IMAGE,
    schema: schemas.ecr.describeImageSigningStatus,
    per: 'ecr-image',
  }),
  ListImageReferrers: call<Wire<ecr.ListImageReferrersResponse>>()({
    keys: IMAGE,
    schema: schemas.ecr.listImageReferrers,
    per: 'ecr-image',
    // Amazon ECR API reference, ListImageReferrers: authorized by ecr:BatchGetImage.
    action: 'ecr:BatchGetImage',
  }),
} as const;
