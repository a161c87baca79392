import * as z from 'zod';
import { object, timestamp } from './common.js';

/**
 * Inspector2 ListCoverage of a repository's images (`coveredResources[]`, CoveredResource in the
 * Amazon Inspector API reference): the image by `resourceId`
 * (`arn:aws:ecr:<region>:<account>:repository/<name>/sha256:<hex>`) and its
 * `resourceMetadata.ecrImage` (EcrContainerImageMetadata: `inUseCount`, `lastInUseAt`,
 * `imagePulledAt`, `tags`).
 */
export const listCoverage = object({
  coveredResources: z
    .array(
      object({
        resourceId: z.string(),
        resourceType: z.string().optional(),
        accountId: z.string().optional(),
        scanType: z.string().optional(),
        scanStatus: object({ statusCode: z.string().optional(), reason: z.string().optional() }).optional(),
        resourceMetadata: object({
          ecrImage: object({
            inUseCount: z.number().int().nonnegative().optional(),
            lastInUseAt: timestamp.optional(),
            imagePulledAt: timestamp.optional(),
            tags: z.array(z.string()).optional(),
          }).optional(),
        }).optional(),
      }),
    )
    .optional(),
});
