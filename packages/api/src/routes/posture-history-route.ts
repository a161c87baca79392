import { RECOMMENDATIONS, SEVERITIES } from '@customs/core';
import { utcDay } from '@customs/store';
import { defineRoute } from '../router/route.js';
import { postureHistoryQuerySchema } from '../schemas/findings.js';
import { errorSchema, postureHistorySchema } from '../schemas/responses.js';
import { keyed, posture } from './summary-route.js';

const DAY_MS = 86_400_000;

export const postureHistoryRoute = defineRoute<{
  days: '7' | '30' | '90';
  accountId?: string;
  inUse?: boolean;
}>({
  method: 'GET',
  path: '/posture/history',
  operationId: 'getPostureHistory',
  summary:
    "The posture trend: each UTC day's last recorded posture (overall, per CSA recommendation and severity) over the last 7, 30 or 90 days, oldest first — of every account or one (`accountId`), of every finding or the images in use (`inUse=true`).",
  query: postureHistoryQuerySchema,
  authenticated: true,
  responses: {
    200: {
      description: 'The recorded days, oldest first (days without a record absent)',
      schema: postureHistorySchema,
    },
    400: {
      description:
        '`days` is not 7, 30 or 90, `accountId` not 12 digits, `inUse` not true or false (or an unknown parameter)',
      schema: errorSchema,
    },
  },
  async handle({ query }, { findings, clock }) {
    const { days, accountId } = query;
    const now = (clock ?? (() => new Date()))();
    const from = utcDay(new Date(now.getTime() - (Number(days) - 1) * DAY_MS));
    const records = await findings.postureDays(from, utcDay(now), { accountId, inUse: query.inUse === true });
    return {
      status: 200,
      body: {
        days: records.map((record) => ({
          date: record.date,
          overall: posture(record.total),
          byRecommendation: keyed(RECOMMENDATIONS, record.recommendation),
          bySeverity: keyed(SEVERITIES, record.severity),
        })),
      },
    };
  },
});
