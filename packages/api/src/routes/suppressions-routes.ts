import { CATALOG } from '@customs/core';
import type { Suppression } from '@customs/store';
import type { ApiDependencies } from '../dependencies.js';
import { ApiError } from '../http/api-error.js';
import { parseParam } from '../http/parse-input.js';
import { defineRoute } from '../router/route.js';
import { suppressionIdSchema, suppressionsQuerySchema } from '../schemas/findings.js';
import { errorSchema, suppressionChangeSchema, suppressionsSchema } from '../schemas/responses.js';
import { newSuppressionSchema } from '../schemas/suppressions.js';
import { confirmationNeeded, DEFAULT_MAX_SUPPRESSION_MATCHES } from './confirm-suppression.js';

const DAY_MS = 86_400_000;
const badRequest = { description: 'A parameter or the body is invalid', schema: errorSchema };

/**
 * After a suppression changed findings (suppressed or reopened them), the day's posture record is
 * rewritten from the counters, as the pipeline does after an assessment that wrote a finding, so the
 * trend's today is the posture now. The suppression stands if this fails (the next sweep or change
 * writes the day again): it is reported, not answered as a failure a client would retry.
 */
async function recordPostureAfter(
  changed: readonly unknown[],
  { findings, onError }: ApiDependencies,
  request: { method: string; path: string },
): Promise<void> {
  if (changed.length === 0) return;
  try {
    await findings.recordDailyPosture();
  } catch (error) {
    onError?.(error, request);
  }
}

/** A suppression as the API shows it at `now`: with whether it is in force. */
function present(suppression: Suppression, now: Date) {
  return { ...suppression, active: Date.parse(suppression.expiresAt) > now.getTime() };
}

export const listSuppressions = defineRoute({
  method: 'GET',
  path: '/suppressions',
  operationId: 'listSuppressions',
  summary:
    'The suppressions, soonest expiry first, with whether each is still in force; and the limits a new one meets (`maxSuppressionDays`, `maxSuppressionMatches`).',
  query: suppressionsQuerySchema,
  authenticated: true,
  responses: { 200: { description: 'The suppressions', schema: suppressionsSchema }, 400: badRequest },
  async handle({ query }, { suppressions, clock, maxSuppressionDays, maxSuppressionMatches }) {
    const now = (clock ?? (() => new Date()))();
    const all = (await suppressions.list()).map((suppression) => present(suppression, now));
    const wanted =
      query.active === undefined ? all : all.filter((each) => String(each.active) === query.active);
    const limits = {
      maxSuppressionDays,
      maxSuppressionMatches: maxSuppressionMatches ?? DEFAULT_MAX_SUPPRESSION_MATCHES,
    };
    return { status: 200, body: { suppressions: wanted, ...limits } };
  },
});

export const createSuppression = defineRoute({
  method: 'POST',
  path: '/suppressions',
  operationId: 'createSuppression',
  summary:
    'Suppresses the failing findings of a check and/or of resources matching a pattern until an expiry ' +
    '(required, at most maxSuppressionDays ahead): they become SUPPRESSED at once, stay evaluated and listed, ' +
    'are not notified, and reopen when it expires or is deleted. One that covers more than maxSuppressionMatches ' +
    '(50 by default) open findings, or a resourcePattern of only `*`, needs `"confirm": true` (a 400 naming the count otherwise).',
  body: newSuppressionSchema,
  authenticated: true,
  responses: {
    201: { description: 'The suppression and the findings it suppressed', schema: suppressionChangeSchema },
    400: badRequest,
    413: { description: 'The body is over 64 KiB', schema: errorSchema },
  },
  async handle({ body, actor }, dependencies) {
    const { suppressions, clock, maxSuppressionDays } = dependencies;
    const now = (clock ?? (() => new Date()))();
    if (body.checkId !== undefined && !CATALOG.has(body.checkId)) {
      throw new ApiError(
        400,
        'invalid_body',
        `checkId: no check ${body.checkId} in the catalog (GET /checks)`,
      );
    }
    const expires = Date.parse(body.expiresAt);
    if (expires <= now.getTime()) {
      throw new ApiError(400, 'invalid_body', 'expiresAt: must be in the future');
    }
    if (expires > now.getTime() + maxSuppressionDays * DAY_MS) {
      throw new ApiError(400, 'invalid_body', `expiresAt: at most ${maxSuppressionDays} days ahead`);
    }
    const { confirm, ...request } = body;
    if (confirm !== true) {
      const max = dependencies.maxSuppressionMatches ?? DEFAULT_MAX_SUPPRESSION_MATCHES;
      const why = confirmationNeeded(request, await suppressions.coverage(request), max);
      if (why !== undefined) throw new ApiError(400, 'invalid_body', `confirm: ${why}`);
    }
    const { suppression, changes } = await suppressions.create(request, actor);
    await recordPostureAfter(changes, dependencies, { method: 'POST', path: '/suppressions' });
    return { status: 201, body: { suppression: present(suppression, now), changes } };
  },
});

export const deleteSuppression = defineRoute({
  method: 'DELETE',
  path: '/suppressions/{id}',
  operationId: 'deleteSuppression',
  summary:
    'Deletes a suppression: the findings it covered reopen (or pass to another suppression covering them).',
  params: { id: { description: 'The suppression id (a UUID)', schema: suppressionIdSchema } },
  authenticated: true,
  responses: {
    200: {
      description: 'The deleted suppression and the findings it reopened',
      schema: suppressionChangeSchema,
    },
    400: badRequest,
    404: { description: 'No such suppression', schema: errorSchema },
  },
  async handle({ params, actor }, dependencies) {
    const { suppressions, clock } = dependencies;
    const id = parseParam(suppressionIdSchema, 'id', params.id);
    const outcome = await suppressions.delete(id, actor);
    if (!outcome) throw new ApiError(404, 'not_found', `No suppression ${id}`);
    await recordPostureAfter(outcome.changes, dependencies, {
      method: 'DELETE',
      path: `/suppressions/${id}`,
    });
    const now = (clock ?? (() => new Date()))();
    return {
      status: 200,
      body: { suppression: present(outcome.suppression, now), changes: outcome.changes },
    };
  },
});
