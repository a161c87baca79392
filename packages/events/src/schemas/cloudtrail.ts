import * as z from 'zod';
import { accountId, regionName } from './envelope.js';

/** "AWS API Call via CloudTrail": the fields of the CloudTrail record that say what changed. */
export const cloudTrailDetail = z.object({
  eventSource: z.string().min(1),
  eventName: z.string().min(1),
  /** Where the call was made: the region of the refs it names. */
  awsRegion: regionName,
  /** The account the call was made in: the account of the refs it names. */
  recipientAccountId: accountId.optional(),
  errorCode: z.string().optional(),
  userIdentity: z
    .object({ type: z.string().optional(), userName: z.string().optional(), arn: z.string().optional() })
    .optional(),
  requestParameters: z.record(z.string(), z.unknown()).nullable().optional(),
  responseElements: z.record(z.string(), z.unknown()).nullable().optional(),
});

export type CloudTrailDetail = z.infer<typeof cloudTrailDetail>;
