import { globPatternProblem, MAX_GLOB_PATTERN_LENGTH } from '@customs/core';
import * as z from 'zod';
import { checkIdSchema } from './findings.js';

/**
 * A suppression's glob on resource ids, validated before anything is stored: 1 to 1024
 * characters, no control character or lone surrogate (core's `globPatternProblem`).
 */
const resourcePatternSchema = z
  .string()
  .max(MAX_GLOB_PATTERN_LENGTH, {
    abort: true,
    error: (issue) => globPatternProblem(String(issue.input)) ?? 'is too long',
  })
  .superRefine(function validPattern(pattern, context) {
    const problem = globPatternProblem(pattern);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
  })
  .describe(
    `Suppress the findings of resources whose id (ARN) matches; \`*\` matches any run of characters, every other character (\`?\` included) itself, case-sensitively. At most ${MAX_GLOB_PATTERN_LENGTH} characters, no control characters.`,
  );

/** `POST /suppressions`: what to suppress, why, who owns the decision and until when. */
export const newSuppressionSchema = z
  .object({
    checkId: checkIdSchema.optional().describe('Suppress the findings of this check.'),
    resourcePattern: resourcePatternSchema.optional(),
    reason: z.string().trim().min(1).max(1000).describe('Why the failure is accepted.'),
    owner: z.string().trim().min(1).max(200).describe('Who answers for the decision.'),
    expiresAt: z.iso
      .datetime({ offset: true })
      .describe('When it ends (required): at most `maxSuppressionDays` (90 by default) ahead.'),
    confirm: z
      .boolean()
      .optional()
      .describe(
        'Required (true) when it covers more than `maxSuppressionMatches` (50 by default) open findings, or its resourcePattern is only `*`.',
      ),
  })
  .strict()
  .refine((body) => body.checkId !== undefined || body.resourcePattern !== undefined, {
    message: 'give a checkId, a resourcePattern or both',
    path: ['checkId'],
  });
