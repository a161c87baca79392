import * as z from 'zod';

/**
 * `aws.inspector2` "Inspector2 Scan". Its `repository-name` is the repository's ARN, as AWS
 * documents it, not its name.
 */
export const inspectorScanDetail = z.object({
  'scan-status': z.string(),
  'repository-name': z.string().min(1),
  'image-digest': z.string().min(1),
  'image-tags': z.array(z.string()).optional(),
  'finding-severity-counts': z.record(z.string(), z.number()).optional(),
});

const ecrImageResource = z.object({
  type: z.string(),
  id: z.string().optional(),
  details: z
    .object({
      awsEcrContainerImage: z
        .object({
          repositoryName: z.string().min(1),
          imageHash: z.string().min(1),
          registry: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
});

/** `aws.inspector2` "Inspector2 Finding". Its dates (`firstObservedAt`…) are not ISO 8601 and are not read. */
export const inspectorFindingDetail = z.object({
  awsAccountId: z.string().optional(),
  status: z.string().optional(),
  resources: z.array(ecrImageResource).min(1),
});
