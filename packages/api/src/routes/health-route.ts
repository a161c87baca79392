import * as z from 'zod';
import { API_VERSION } from '../constants.js';
import { defineRoute } from '../router/route.js';

const healthSchema = z.object({
  status: z.enum(['ready', 'starting']),
  version: z.string(),
});

export const healthRoute = defineRoute({
  method: 'GET',
  path: '/health',
  operationId: 'getHealth',
  summary:
    'Whether the API is ready (its first sweep has ended) and its version. No authentication, and no data: nothing about the account.',
  authenticated: false,
  responses: {
    200: { description: 'Ready', schema: healthSchema },
    503: { description: 'Starting: the first sweep has not ended', schema: healthSchema },
  },
  async handle(_request, { readiness }) {
    const ready = readiness?.().ready ?? true;
    return {
      status: ready ? 200 : 503,
      body: { status: ready ? 'ready' : 'starting', version: API_VERSION },
      ...(ready ? {} : { headers: { 'retry-after': '5' } }),
    };
  },
});
