import { CATALOG, checkMetadata, RECOMMENDATIONS } from '@customs/core';
import { defineRoute } from '../router/route.js';
import { checksSchema } from '../schemas/responses.js';

export const checksRoute = defineRoute({
  method: 'GET',
  path: '/checks',
  operationId: 'listChecks',
  summary: 'The check catalog with its metadata (as `customs checks --format json` prints it).',
  authenticated: true,
  responses: { 200: { description: 'Every check, by CSA recommendation', schema: checksSchema } },
  async handle() {
    const checks = RECOMMENDATIONS.flatMap((recommendation) => CATALOG.byRecommendation(recommendation));
    return { status: 200, body: { checks: checks.map(checkMetadata) } };
  },
});
