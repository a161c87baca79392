import * as z from 'zod';
import { ApiError } from '../http/api-error.js';
import { parseParam } from '../http/parse-input.js';
import { defineRoute } from '../router/route.js';
import { errorSchema, sweepProgressSchema, sweepStartedSchema } from '../schemas/responses.js';

const sweepIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,100}$/, 'a sweep id is what POST /sweeps answered (letters, digits, -)');

export const startSweepRoute = defineRoute({
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

export const getSweepRoute = defineRoute({
  method: 'GET',
  path: '/sweeps/{id}',
  operationId: 'getSweep',
  summary: "A sweep's progress: running (reading or storing), completed or failed, with its counts.",
  params: { id: { description: 'The id POST /sweeps answered', schema: sweepIdSchema } },
  authenticated: true,
  responses: {
    200: { description: 'The sweep', schema: sweepProgressSchema },
    400: { description: 'The id is not one', schema: errorSchema },
    404: { description: 'No such sweep', schema: errorSchema },
    501: { description: 'This deployment does not record sweep progress', schema: errorSchema },
  },
  async handle({ params }, { sweeps }) {
    const id = parseParam(sweepIdSchema, 'id', params.id);
    if (!sweeps) throw new ApiError(501, 'not_implemented', 'This deployment does not record sweep progress');
    const sweep = await sweeps.get(id);
    if (!sweep) throw new ApiError(404, 'not_found', `No sweep ${id}`);
    return { status: 200, body: { sweep } };
  },
});
