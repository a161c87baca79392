import * as z from 'zod';
import { isAccountId, isIsoInstant, isRegionName } from './aws-values.js';

/** `time`: an ISO 8601 instant, as EventBridge writes it (`2019-11-11T21:29:54Z`). */
export const isoInstant = z
  .string()
  .refine(isIsoInstant, { message: 'must be an ISO 8601 instant such as 2019-11-11T21:29:54Z' });

/** An AWS account id: 12 digits. */
export const accountId = z.string().refine(isAccountId, { message: 'must be an AWS account id (12 digits)' });

/** An AWS Region name (`eu-west-1`). */
export const regionName = z
  .string()
  .refine(isRegionName, { message: 'must be an AWS Region name such as eu-west-1' });

/** The EventBridge envelope every event arrives in. */
export const envelopeSchema = z.object({
  version: z.string(),
  id: z.string().min(1),
  'detail-type': z.string().min(1),
  source: z.string().min(1),
  account: accountId,
  time: isoInstant,
  region: regionName,
  resources: z.array(z.string()),
  detail: z.record(z.string(), z.unknown()),
});

export type Envelope = z.infer<typeof envelopeSchema>;
