import * as z from 'zod';

/** `aws.ecr` "ECR Image Action" (PUSH, DELETE, and the archive/restore actions). */
export const ecrImageActionDetail = z.object({
  result: z.string(),
  'repository-name': z.string().min(1),
  'image-digest': z.string().min(1),
  'action-type': z.string().min(1),
  'image-tag': z.string().optional(),
});

/** `aws.ecr` "ECR Image Scan" (basic scanning). */
export const ecrImageScanDetail = z.object({
  'scan-status': z.string(),
  'repository-name': z.string().min(1),
  'image-digest': z.string().min(1),
  'image-tags': z.array(z.string()).optional(),
  'finding-severity-counts': z.record(z.string(), z.number()).optional(),
});

/** `aws.ecr` "ECR Scan Resource Change" (enhanced scanning configuration). */
export const ecrScanResourceChangeDetail = z.object({
  'action-type': z.string(),
  'resource-type': z.string(),
  'scan-type': z.string().optional(),
  repositories: z
    .array(z.object({ 'repository-name': z.string().min(1), 'repository-arn': z.string().optional() }))
    .optional(),
});
