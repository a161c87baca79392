import {
  FINDING_STATES,
  RECOMMENDATIONS,
  RESOURCE_TYPES,
  SEVERITIES,
  STATUSES,
  TRANSITIONS,
} from '@customs/core';
import * as z from 'zod';

/** The documented shapes of the API's answers (the OpenAPI document's response schemas). */
const time = z.string().describe('ISO 8601');

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

/** How to fix a failing resource, as each check of the catalog says. */
const remediationSchema = z.object({
  text: z.string(),
  cli: z.string().describe('An AWS CLI command that fixes it'),
  iac: z.object({ format: z.enum(['terraform', 'cloudformation', 'kubernetes']), snippet: z.string() }),
  url: z.string().optional().describe('AWS documentation on the subject'),
});

export const findingSchema = z.object({
  id: z.string(),
  checkId: z.string(),
  title: z.string(),
  resourceType: z.enum(RESOURCE_TYPES),
  resourceId: z.string(),
  resourceName: z.string(),
  accountId: z.string(),
  region: z.string(),
  status: z.enum(STATUSES),
  severity: z.enum(SEVERITIES),
  recommendation: z.enum(RECOMMENDATIONS),
  message: z.string(),
  evaluatedAt: time,
  state: z.enum(FINDING_STATES),
  version: z.number().int(),
  firstSeenAt: time,
  lastChangedAt: time,
  lastEvaluatedAt: time,
  openedAt: time.optional(),
  resolvedAt: time.optional(),
  resolvedReason: z.string().optional(),
  stateBeforeError: z.enum(FINDING_STATES).optional(),
  suppressionId: z.string().optional(),
  suppressedUntil: time.optional(),
  inUse: z
    .object({
      running: z
        .number()
        .int()
        .describe('Running ECS tasks and Kubernetes pods of the deployments that run the digest'),
      where: z
        .array(z.string())
        .describe('`cluster/service`, `family:revision`, `cluster/namespace/Kind/name`'),
      inspector: z
        .object({
          inUseCount: z
            .number()
            .int()
            .optional()
            .describe('ECS tasks and EKS pods where Amazon Inspector sees the image in use (ListCoverage)'),
          lastInUseAt: time.optional().describe('The last time Inspector saw the image in use'),
          unreadable: z
            .string()
            .optional()
            .describe("Why Inspector's view is unknown (access denied, Inspector not enabled)"),
        })
        .optional()
        .describe('What Amazon Inspector says of the image (enhanced scanning only)'),
    })
    .optional()
    .describe(
      "ECR image findings: whether the image runs — `running` and `where` from Customs' digest → deployments index, `inspector` from Amazon Inspector; in use when either counts above 0.",
    ),
  rationale: z
    .string()
    .optional()
    .describe("Why it matters: the check's risk (absent only for a check no longer in the catalog)."),
  remediation: remediationSchema
    .optional()
    .describe('How to fix it: text, AWS CLI, IaC, documentation (as GET /checks).'),
});

const cursor = z.string().optional().describe('Present while there may be more: pass it as `cursor`.');

export const findingsPageSchema = z.object({ findings: z.array(findingSchema), cursor });
/** `GET /findings?format=asff|ocsf`: the page's findings as ASFF documents or OCSF events. */
export const exportPageSchema = z.object({
  format: z.enum(['asff', 'ocsf']),
  findings: z
    .array(z.record(z.string(), z.unknown()))
    .describe('ASFF `AwsSecurityFinding` documents, or OCSF Compliance Finding (class 2003) events.'),
  cursor,
});
export const findingResponseSchema = z.object({ finding: findingSchema });
export const resourceFindingsSchema = z.object({ resourceId: z.string(), findings: z.array(findingSchema) });

export const historyPageSchema = z.object({
  history: z.array(
    z.object({
      findingId: z.string(),
      checkId: z.string(),
      resourceId: z.string(),
      version: z.number().int(),
      transition: z.enum(TRANSITIONS),
      state: z.enum(FINDING_STATES),
      status: z.enum(STATUSES),
      severity: z.enum(SEVERITIES),
      message: z.string(),
      evaluatedAt: time,
      previousState: z.enum(FINDING_STATES).optional(),
      previousStatus: z.enum(STATUSES).optional(),
      reason: z.string().optional(),
      suppressionId: z.string().optional(),
      actor: z.string().optional(),
      changedAt: time.optional(),
    }),
  ),
  cursor,
});

const posture = z.object({
  passed: z.number().int(),
  failed: z.number().int(),
  errors: z.number().int(),
  notApplicable: z.number().int(),
  suppressed: z.number().int().describe('Of the failed, how many a suppression covers (SUPPRESSED)'),
  evaluated: z.number().int().describe('passed + failed + errors'),
  score: z.number().nullable().describe('passed ÷ evaluated, a percentage with one decimal; null when 0'),
});

export const summarySchema = z.object({
  total: z.number().int(),
  overall: posture,
  byRecommendation: z.record(z.enum(RECOMMENDATIONS), posture),
  bySeverity: z.record(z.enum(SEVERITIES), posture),
  byResourceType: z.record(z.enum(RESOURCE_TYPES), posture),
  accounts: z
    .array(z.object({ accountId: z.string(), overall: posture }))
    .describe(
      'Every account holding current findings (whatever `accountId` and `inUse` say), in id order, with its overall posture: an account picker',
    ),
});

/** `GET /posture/history`: one entry per UTC day that has a record, oldest first. */
export const postureHistorySchema = z.object({
  days: z
    .array(
      z.object({
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .describe('The UTC day, YYYY-MM-DD'),
        overall: posture,
        byRecommendation: z.record(z.enum(RECOMMENDATIONS), posture),
        bySeverity: z.record(z.enum(SEVERITIES), posture),
      }),
    )
    .describe(
      "The day's last recorded posture, oldest day first; a day without a record (no sweep, no change) is absent, not zero.",
    ),
});

export const checksSchema = z.object({
  checks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      resourceType: z.enum(RESOURCE_TYPES),
      recommendation: z.enum(RECOMMENDATIONS),
      severity: z.enum(SEVERITIES),
      rationale: z.string(),
      remediation: remediationSchema,
      mappings: z.record(z.string(), z.array(z.string())),
      reads: z.array(z.string()),
    }),
  ),
});

export const suppressionSchema = z.object({
  id: z.string(),
  checkId: z.string().optional(),
  resourcePattern: z.string().optional(),
  reason: z.string(),
  owner: z.string(),
  expiresAt: time,
  createdAt: time,
  createdBy: z.string(),
  active: z.boolean(),
});

const change = z.object({
  findingId: z.string(),
  checkId: z.string(),
  resourceId: z.string(),
  transition: z.enum(TRANSITIONS),
  status: z.enum(STATUSES),
  severity: z.enum(SEVERITIES),
  state: z.enum(FINDING_STATES),
  previousState: z.enum(FINDING_STATES).optional(),
  version: z.number().int().describe("The finding's version after the change."),
});

export const suppressionChangeSchema = z.object({
  suppression: suppressionSchema,
  changes: z.array(change).describe('The findings it suppressed (POST) or reopened (DELETE).'),
});
export const suppressionsSchema = z.object({
  suppressions: z.array(suppressionSchema),
  maxSuppressionDays: z
    .number()
    .int()
    .positive()
    .describe('The furthest ahead a new suppression may expire, in days (config `maxSuppressionDays`).'),
  maxSuppressionMatches: z
    .number()
    .int()
    .nonnegative()
    .describe('The most open findings a new suppression mutes without `"confirm": true`.'),
});
export const sweepStartedSchema = z.object({
  sweep: z.object({ status: z.enum(['started', 'completed']), startedAt: time, id: z.string().optional() }),
});
export const sweepProgressSchema = z.object({
  sweep: z.object({
    id: z.string(),
    status: z.enum(['running', 'completed', 'failed']),
    step: z.enum(['reading', 'storing']).optional(),
    startedAt: time,
    finishedAt: time.optional(),
    resources: z.number().int().optional().describe('Resources read'),
    findings: z.number().int().optional().describe('Findings evaluated'),
    changes: z.record(z.string(), z.number().int()).optional().describe('Lifecycle changes by kind'),
    error: z.string().optional(),
  }),
});
export const openApiSchema = z.object({ openapi: z.string() }).loose();
