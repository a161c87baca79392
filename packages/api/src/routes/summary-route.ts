import {
  type Posture,
  type PostureSummary,
  RECOMMENDATIONS,
  RESOURCE_TYPES,
  SEVERITIES,
} from '@customs/core';
import type { AccountCounts, FindingsSummary, StatusCounts } from '@customs/store';
import { ApiError } from '../http/api-error.js';
import { defineRoute } from '../router/route.js';
import { summaryQuerySchema } from '../schemas/findings.js';
import { errorSchema, summarySchema } from '../schemas/responses.js';

/**
 * The posture of the store's counters, scored as `summarize` in core scores a scan: passed ÷
 * (passed + failed + errors) as a percentage with one decimal, NOT_APPLICABLE left out.
 * @example postureOf(await repository.summary()).byRecommendation['CSA-4'].score; // 71.4
 */
export function postureOf(summary: FindingsSummary): PostureSummary {
  return {
    total: summary.total.total,
    overall: posture(summary.total),
    byRecommendation: keyed(RECOMMENDATIONS, summary.recommendation),
    bySeverity: keyed(SEVERITIES, summary.severity),
    byResourceType: keyed(RESOURCE_TYPES, summary.resourceType),
  };
}

/**
 * One posture from the counts of one dimension value (all zero when absent).
 * @example posture(summary.severity.critical); // { passed: 2, failed: 1, …, score: 66.7 }
 */
export function posture(counts: StatusCounts | undefined): Posture {
  const passed = counts?.PASS ?? 0;
  const failed = counts?.FAIL ?? 0;
  const errors = counts?.ERROR ?? 0;
  const evaluated = passed + failed + errors;
  const score = evaluated === 0 ? null : Math.round((passed / evaluated) * 1000) / 10;
  return {
    passed,
    failed,
    errors,
    notApplicable: counts?.NOT_APPLICABLE ?? 0,
    suppressed: counts?.SUPPRESSED ?? 0,
    evaluated,
    score,
  };
}

/** A posture per key, every key present (zero when the counts have none). */
export function keyed<K extends string>(keys: readonly K[], counts: Record<string, StatusCounts>) {
  return Object.fromEntries(keys.map((key) => [key, posture(counts[key])])) as Record<K, Posture>;
}

/**
 * The accounts present as `GET /summary` lists them: each account's id and overall posture.
 * @example accountsOf(await repository.accounts()); // [{ accountId: '111122223333', overall: { … } }]
 */
export function accountsOf(accounts: readonly AccountCounts[]) {
  return accounts.map((account) => ({ accountId: account.accountId, overall: posture(account.counts) }));
}

export const summaryRoute = defineRoute<{ accountId?: string; inUse?: boolean }>({
  method: 'GET',
  path: '/summary',
  operationId: 'getSummary',
  summary:
    'Pass/fail counts and a posture score overall and per CSA recommendation, severity and resource type — of every account or one (`accountId`), of every finding or only the images in use (`inUse=true`) — and the accounts present.',
  query: summaryQuerySchema,
  authenticated: true,
  responses: {
    200: { description: 'The posture of the current findings in scope', schema: summarySchema },
    400: {
      description: '`accountId` is not 12 digits, `inUse` not true or false (or an unknown parameter)',
      schema: errorSchema,
    },
    503: {
      description: 'Not ready: the first sweep has not ended (an empty posture would mislead)',
      schema: errorSchema,
    },
  },
  async handle({ query }, { findings, readiness }) {
    const state = readiness?.();
    if (state && !state.ready) {
      const why = state.waitingFor ? `: ${state.waitingFor}` : '';
      throw new ApiError(503, 'not_ready', `Not ready yet${why}; GET /health says when it is`, {
        'retry-after': '5',
      });
    }
    const [summary, accounts] = await Promise.all([
      findings.summary({ accountId: query.accountId, inUse: query.inUse === true }),
      findings.accounts(),
    ]);
    return { status: 200, body: { ...postureOf(summary), accounts: accountsOf(accounts) } };
  },
});
