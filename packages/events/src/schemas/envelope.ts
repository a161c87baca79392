import { z } from 'zod';

/** The EventBridge envelope every event arrives in. */
export const envelopeSchema = z.object({
  version: z.string(),
  id: z.string().min(1),
  'detail-type': z.string().min(1),
  source: z.string().min(1),
  account: z.string().min(1),
  time: z.string().min(1),
  region: z.string().min(1),
  resources: z.array(z.string()),
  detail: z.record(z.string(), z.unknown()),
});

export type Envelope = z.infer<typeof envelopeSchema>;
