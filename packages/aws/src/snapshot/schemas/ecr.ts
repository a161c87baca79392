import * as z from 'zod';
import { object, timestamp } from './common.js';

const severityCounts = z.record(z.string(), z.number());
const scanStatus = object({ status: z.string().optional(), description: z.string().optional() });

export const describeRegistry = object({ registryId: z.string().optional() });

export const getRegistryScanningConfiguration = object({
  registryId: z.string().optional(),
  scanningConfiguration: object({
    scanType: z.string().optional(),
    rules: z
      .array(
        object({
          scanFrequency: z.string().optional(),
          repositoryFilters: z
            .array(object({ filter: z.string().optional(), filterType: z.string().optional() }))
            .optional(),
        }),
      )
      .optional(),
  }).optional(),
});

export const describePullThroughCacheRules = object({
  pullThroughCacheRules: z
    .array(object({ ecrRepositoryPrefix: z.string().optional(), upstreamRegistryUrl: z.string().optional() }))
    .optional(),
});

export const repository = object({
  repositoryName: z.string(),
  repositoryArn: z.string().optional(),
  registryId: z.string().optional(),
  repositoryUri: z.string().optional(),
  createdAt: timestamp.optional(),
  imageTagMutability: z.string().optional(),
  imageScanningConfiguration: object({ scanOnPush: z.boolean().optional() }).optional(),
  encryptionConfiguration: object({
    encryptionType: z.string().optional(),
    kmsKey: z.string().optional(),
  }).optional(),
});

export const describeRepositories = object({ repositories: z.array(repository) });

export const batchGetRepositoryScanningConfiguration = object({
  scanningConfigurations: z
    .array(
      object({
        repositoryName: z.string().optional(),
        repositoryArn: z.string().optional(),
        scanOnPush: z.boolean().optional(),
        scanFrequency: z.string().optional(),
      }),
    )
    .optional(),
});

export const getRepositoryPolicy = object({ policyText: z.string().optional() });

export const getLifecyclePolicy = object({ lifecyclePolicyText: z.string().optional() });

export const describeImages = object({
  imageDetails: z.array(
    object({
      registryId: z.string().optional(),
      repositoryName: z.string().optional(),
      imageDigest: z.string(),
      imageTags: z.array(z.string()).optional(),
      imagePushedAt: timestamp.optional(),
      imageScanStatus: scanStatus.optional(),
      imageScanFindingsSummary: object({
        imageScanCompletedAt: timestamp.optional(),
        findingSeverityCounts: severityCounts.optional(),
      }).optional(),
      imageManifestMediaType: z.string().optional(),
      artifactMediaType: z.string().optional(),
      subjectManifestDigest: z.string().optional(),
      imageStatus: z.string().optional(),
    }),
  ),
});

export const describeImageScanFindings = object({
  imageScanStatus: scanStatus.optional(),
  imageScanFindings: object({
    imageScanCompletedAt: timestamp.optional(),
    findingSeverityCounts: severityCounts.optional(),
  }).optional(),
});

export const describeImageSigningStatus = object({
  signingStatuses: z.array(object({ status: z.string().optional() })).optional(),
});

export const listImageReferrers = object({
  referrers: z.array(object({ artifactType: z.string().optional() })).optional(),
});
