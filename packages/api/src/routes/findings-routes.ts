import { asffFinding, ocsfFinding, PRODUCT_VERSION } from '@customs/notify';
import * as z from 'zod';
import { ApiError } from '../http/api-error.js';
import { parseParam } from '../http/parse-input.js';
import { signCursor, verifyCursor } from '../http/signed-cursor.js';
import { defineRoute } from '../router/route.js';
import {
  findingIdSchema,
  findingsQuerySchema,
  pageQuerySchema,
  resourceIdSchema,
} from '../schemas/findings.js';
import {
  errorSchema,
  exportPageSchema,
  findingResponseSchema,
  findingsPageSchema,
  historyPageSchema,
  resourceFindingsSchema,
} from '../schemas/responses.js';
import { presentFinding } from './present.js';

const now = (clock: (() => Date) | undefined) => (clock ?? (() => new Date()))();
const notFound = { description: 'No such finding', schema: errorSchema };
const badRequest = { description: 'A parameter or the cursor is invalid', schema: errorSchema };
const findingIdParam = { id: { description: 'The finding id (32 hex digits)', schema: findingIdSchema } };

export const listFindings = defineRoute({
  method: 'GET',
  path: '/findings',
  operationId: 'listFindings',
  summary:
    'Findings matching every given filter, most severe failures first, one page at a time; with `format`, exported as ASFF or OCSF.',
  query: findingsQuerySchema,
  authenticated: true,
  responses: {
    200: { description: 'A page of findings', schema: z.union([findingsPageSchema, exportPageSchema]) },
    400: badRequest,
  },
  async handle({ query }, { findings, cursorKey, clock }) {
    const { limit, cursor, format, ...filters } = query;
    const page = await findings.listFindings({
      ...filters,
      limit,
      ...(cursor === undefined ? {} : { cursor: verifyCursor(cursorKey, 'findings', cursor) }),
    });
    const next = page.cursor === undefined ? {} : { cursor: signCursor(cursorKey, 'findings', page.cursor) };
    if (format !== undefined) {
      const options = { productVersion: PRODUCT_VERSION };
      const exported =
        format === 'asff'
          ? page.items.map((finding) => asffFinding(finding, options))
          : page.items.map((finding) => ocsfFinding(finding, options));
      return { status: 200, body: { format, findings: exported, ...next } };
    }
    const at = now(clock);
    return {
      status: 200,
      body: { findings: page.items.map((finding) => presentFinding(finding, at)), ...next },
    };
  },
});

export const getFinding = defineRoute({
  method: 'GET',
  path: '/findings/{id}',
  operationId: 'getFinding',
  summary: 'One finding with its lifecycle (state, since when, which suppression).',
  params: findingIdParam,
  authenticated: true,
  responses: {
    200: { description: 'The finding', schema: findingResponseSchema },
    400: badRequest,
    404: notFound,
  },
  async handle({ params }, { findings, clock }) {
    const id = parseParam(findingIdSchema, 'id', params.id);
    const finding = await findings.getFinding(id);
    if (!finding) throw new ApiError(404, 'not_found', `No finding ${id}`);
    return { status: 200, body: { finding: presentFinding(finding, now(clock)) } };
  },
});

export const findingHistory = defineRoute({
  method: 'GET',
  path: '/findings/{id}/history',
  operationId: 'getFindingHistory',
  summary: "A finding's history, newest first: every change with its transition, reason and actor.",
  params: findingIdParam,
  query: pageQuerySchema,
  authenticated: true,
  responses: {
    200: { description: 'A page of history entries', schema: historyPageSchema },
    400: badRequest,
    404: notFound,
  },
  async handle({ params, query }, { findings, cursorKey }) {
    const id = parseParam(findingIdSchema, 'id', params.id);
    const purpose = `history:${id}`;
    const cursor = query.cursor === undefined ? undefined : verifyCursor(cursorKey, purpose, query.cursor);
    const [finding, page] = await Promise.all([
      findings.getFinding(id),
      findings.history(id, { limit: query.limit, ...(cursor === undefined ? {} : { cursor }) }),
    ]);
    if (!finding) throw new ApiError(404, 'not_found', `No finding ${id}`);
    const body = {
      history: page.items,
      ...(page.cursor === undefined ? {} : { cursor: signCursor(cursorKey, purpose, page.cursor) }),
    };
    return { status: 200, body };
  },
});

export const resourceFindings = defineRoute({
  method: 'GET',
  path: '/resources/{arn+}/findings',
  operationId: 'listResourceFindings',
  summary:
    'Every finding of one resource. Send the ARN URL-encoded as one path segment (encodeURIComponent); ' +
    'API Gateway decodes it, so everything between /resources/ and the last /findings is the ARN.',
  params: { arn: { description: 'The resource id (its ARN), URL-encoded', schema: resourceIdSchema } },
  authenticated: true,
  responses: {
    200: { description: "The resource's findings", schema: resourceFindingsSchema },
    400: badRequest,
  },
  async handle({ params }, { findings, clock }) {
    const resourceId = parseParam(resourceIdSchema, 'arn', params.arn);
    const at = now(clock);
    const found = await findings.findingsForResource(resourceId);
    return {
      status: 200,
      body: { resourceId, findings: found.map((finding) => presentFinding(finding, at)) },
    };
  },
});
