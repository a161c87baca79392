import {
  CHECK_ID_PATTERN,
  FINDING_STATES,
  RECOMMENDATIONS,
  RESOURCE_TYPES,
  SEVERITIES,
  STATUSES,
} from '@customs/core';
import * as z from 'zod';
import { checkIdFilter, enumFilter, inUseFilter, openedSinceFilter, patternFilter } from './filters.js';

const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(1000)
  .default(100)
  .describe('Items per page, 1 to 1000 (100 by default). A page may hold fewer while a cursor is returned.');
const cursor = z
  .string()
  .min(1)
  .max(4096)
  .describe('The `cursor` of the previous page (opaque and signed; only its absence means the end).');

/** A check id, as the catalog spells them. */
export const checkIdSchema = z
  .string()
  .regex(CHECK_ID_PATTERN, 'a check id such as eks-cluster-audit-logging');

/**
 * `GET /findings`: every filter given must match, any one of its values (comma-separated or
 * repeated, enumerations in any case; filters.ts).
 */
export const findingsQuerySchema = z
  .object({
    status: enumFilter(STATUSES, 'The check verdict.'),
    state: enumFilter(FINDING_STATES, 'The lifecycle state (OPEN, SUPPRESSED, RESOLVED, …: core lifecycle).'),
    severity: enumFilter(SEVERITIES, 'The check severity.'),
    checkId: checkIdFilter,
    recommendation: enumFilter(RECOMMENDATIONS, 'The CSA container recommendation.'),
    resourceType: enumFilter(RESOURCE_TYPES, 'The resource type.'),
    accountId: patternFilter(/^\d{12}$/, 'an AWS account id (12 digits)', 'The AWS account id.'),
    region: patternFilter(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'an AWS region such as eu-west-1', 'The AWS region.'),
    inUse: inUseFilter,
    openedSince: openedSinceFilter,
    limit,
    cursor: cursor.optional(),
    format: z
      .enum(['asff', 'ocsf'])
      .optional()
      .describe(
        "Export the page in another format: `asff` (AWS Security Finding Format documents, as BatchImportFindings takes them) or `ocsf` (OCSF 1.1.0 Compliance Finding events); the API's own shape when absent.",
      ),
  })
  .strict();

/** `GET /findings/{id}/history`: newest first. */
export const pageQuerySchema = z.object({ limit, cursor: cursor.optional() }).strict();

/** `GET /suppressions`. */
export const suppressionsQuerySchema = z
  .object({
    active: z
      .enum(['true', 'false'])
      .optional()
      .describe(
        'Only the suppressions in force (`true`) or only the expired ones (`false`); all when absent.',
      ),
  })
  .strict();

/** One AWS account id (the posture's scope). */
const accountIdParameter = z
  .string()
  .regex(/^\d{12}$/, 'an AWS account id is 12 digits')
  .optional()
  .describe("One AWS account's findings only (12 digits); every account's when absent.");

/** `GET /summary`. */
export const summaryQuerySchema = z
  .object({
    accountId: accountIdParameter,
    inUse: inUseFilter.describe(
      '`true`: count only the ECR image findings whose image runs in a deployment (an ECS task or Kubernetes pod runs its digest); every finding when absent. `false` is every finding.',
    ),
  })
  .strict();

/** `GET /posture/history`. */
export const postureHistoryQuerySchema = z
  .object({
    days: z
      .enum(['7', '30', '90'])
      .default('30')
      .describe('How many UTC days back, today included: 7, 30 or 90 (30 by default).'),
    accountId: accountIdParameter,
    inUse: inUseFilter.describe(
      "`true`: each day's counts of the ECR image findings whose image ran (days recorded before these counts were kept absent); every finding when absent. `false` is every finding.",
    ),
  })
  .strict();

/** A finding id: 32 hex digits. */
export const findingIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a finding id is 32 hex digits');

/** A resource id (its ARN where AWS has one). */
export const resourceIdSchema = z.string().min(1).max(2048);

/** A suppression id (a UUID). */
export const suppressionIdSchema = z.uuid();
