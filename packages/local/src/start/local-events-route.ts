import type { ApiHandler } from '@customs/api';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { replayEvents } from '../replay/index.js';
import type { LocalPipeline } from '../runtime/index.js';

/** The local stack's own route, outside the deployed API: events for the local bus (`customs replay --to`). */
export const LOCAL_EVENTS_PATH = '/local/events';

function json(statusCode: number, body: unknown) {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

/**
 * Adds `POST /local/events` in front of the API handler: a JSON array of EventBridge events
 * replayed through the local bus (the deployed rules and handlers), answered with the replay
 * report `{changes, ignored, rejected}`. Everything else goes to the API.
 * @example startApiServer({ handler: withLocalEvents(createApiHandler(dependencies), pipeline), ... })
 */
export function withLocalEvents(api: ApiHandler, pipeline: LocalPipeline): ApiHandler {
  return async function routeLocalEvents(event: APIGatewayProxyEventV2) {
    if (event.rawPath !== LOCAL_EVENTS_PATH) return api(event);
    if (event.requestContext.http.method !== 'POST') {
      return {
        ...json(405, { error: { code: 'method_not_allowed', message: `${LOCAL_EVENTS_PATH} takes POST` } }),
        headers: { allow: 'POST' },
      };
    }
    let events: unknown;
    try {
      const text = event.isBase64Encoded
        ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
        : (event.body ?? '');
      events = JSON.parse(text);
    } catch {
      return json(400, { error: { code: 'invalid_body', message: 'the body is not JSON' } });
    }
    if (!Array.isArray(events)) {
      return json(400, {
        error: { code: 'invalid_body', message: 'the body must be a JSON array of EventBridge events' },
      });
    }
    const report = await replayEvents(
      events.map((item, index) => ({ index, event: item })),
      pipeline,
    );
    return json(200, {
      changes: report.changes,
      ignored: report.ignored,
      rejected: report.rejected.map(({ event: index, reason }) => ({ event: index, reason })),
    });
  };
}
