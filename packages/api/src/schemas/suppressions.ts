import { z } from 'zod';
import { checkIdSchema } from './findings.js';

/** `POST /suppressions`: what to suppress, why, who owns the decision and until when. */
export const newSuppressionSchema = z
  .object({
    checkId: checkIdSchema.optional().describe('Suppress the findings of this check.'),
    resourcePattern: z
      .string()
      .min(1)
      .max(2048)
      .optional()
      .describe(
        'Suppress the findings of resources whose id (ARN) matches; `*` matches any run of characters.',
      ),
    reason: z.string().trim().min(1).max(1000).describe('Why the failure is accepted.'),
    owner: z.string().trim().min(1).max(200).describe('Who answers for the decision.'),
    expiresAt: z.iso
      .datetime({ offset: true })
      .describe('When it ends (required): at most `maxSuppressionDays` (90 by default) ahead.'),
  })
  .strict()
  .refine((body) => body.checkId !== undefined || body.resourcePattern !== undefined, {
    message: 'give a checkId, a resourcePattern or both',
    path: ['checkId'],
  });

export type NewSuppressionBody = z.infer<typeof newSuppressionSchema>;
