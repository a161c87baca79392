import { z } from 'zod';

/** "AWS API Call via CloudTrail": the fields of the CloudTrail record that say what changed. */
export const cloudTrailDetail = z.object({
  eventSource: z.string().min(1),
  eventName: z.string().min(1),
  awsRegion: z.string().min(1),
  recipientAccountId: z.string().optional(),
  errorCode: z.string().optional(),
  userIdentity: z
    .object({ type: z.string().optional(), userName: z.string().optional(), arn: z.string().optional() })
    .optional(),
  requestParameters: z.record(z.string(), z.unknown()).nullable().optional(),
  responseElements: z.record(z.string(), z.unknown()).nullable().optional(),
});

export type CloudTrailDetail = z.infer<typeof cloudTrailDetail>;
