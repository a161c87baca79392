import { defineRoute } from '../router/route.js';
import { errorSchema, sweepStartedSchema } from '../schemas/responses.js';

export const sweepsRoute = defineRoute({
  method: 'POST',
  path: '/sweeps',
  operationId: 'startSweep',
  summary: 'Starts a sweep of the account: every resource re-assessed, findings of deleted ones resolved.',
  authenticated: true,
  responses: {
    202: { description: 'The sweep was started', schema: sweepStartedSchema },
    409: { description: 'A sweep is already running', schema: errorSchema },
    501: { description: 'This deployment cannot start sweeps', schema: errorSchema },
  },
  async handle(_request, { startSweep }) {
    return { status: 202, body: { sweep: await startSweep() } };
  },
});
