import type { ApiHandler } from '@customs/api';
import { MAX_BODY_BYTES } from '@customs/api';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { LOCAL_EVENTS_MAX_BODY_BYTES, LOCAL_EVENTS_PATH } from '../constants.js';
import { describeError } from '../replay/describe.js';
import { type ReplayOptions, replayEvents } from '../replay/index.js';
import type { LocalPipeline } from '../runtime/index.js';

/**
 * The body limit of each path of the local stack: {@link LOCAL_EVENTS_MAX_BODY_BYTES} for the
 * events route, the API's 64 KiB for every other. Pass to `startApiServer({ bodyLimit })`.
 * @example startApiServer({ ..., bodyLimit: localBodyLimit })
 */
export function localBodyLimit(path: string): number {
  return path === LOCAL_EVENTS_PATH ? LOCAL_EVENTS_MAX_BODY_BYTES : MAX_BODY_BYTES;
}

function json(statusCode: number, body: unknown) {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

function error(statusCode: number, code: string, message: string) {
  return json(statusCode, { error: { code, message } });
}

/**
 * Adds `POST /local/events` in front of the API handler: a JSON array of EventBridge events
 * replayed through the local bus (the deployed rules and handlers), answered with the replay
 * report `{changes, unchanged, ignored, rejected}` (rejected: index and bounded reason). Whatever
 * an event holds, it ends in exactly one place of the report and the stack keeps running: no
 * error of one event, nor of the route, escapes it. Bodies are at most
 * {@link LOCAL_EVENTS_MAX_BODY_BYTES}. Everything else goes to the API.
 * @example startApiServer({ handler: withLocalEvents(createApiHandler(dependencies), pipeline), ... })
 */
export function withLocalEvents(
  api: ApiHandler,
  pipeline: LocalPipeline,
  options: ReplayOptions = {},
): ApiHandler {
  return async function routeLocalEvents(event: APIGatewayProxyEventV2) {
    if (event.rawPath !== LOCAL_EVENTS_PATH) return api(event);
    if (event.requestContext.http.method !== 'POST') {
      return {
        ...error(405, 'method_not_allowed', `${LOCAL_EVENTS_PATH} takes POST`),
        headers: { allow: 'POST' },
      };
    }
    try {
      const text = event.isBase64Encoded
        ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
        : (event.body ?? '');
      if (Buffer.byteLength(text) > LOCAL_EVENTS_MAX_BODY_BYTES) {
        return error(413, 'payload_too_large', `The body is over ${LOCAL_EVENTS_MAX_BODY_BYTES} bytes`);
      }
      let events: unknown;
      try {
        events = JSON.parse(text);
      } catch {
        return error(400, 'invalid_body', 'the body is not JSON');
      }
      if (!Array.isArray(events)) {
        return error(400, 'invalid_body', 'the body must be a JSON array of EventBridge events');
      }
      const report = await replayEvents(
        events.map((item, index) => ({ index, event: item })),
        pipeline,
        options,
      );
      return json(200, {
        changes: report.changes,
        unchanged: report.unchanged,
        ignored: report.ignored,
        rejected: report.rejected.map(({ event: index, logEvent, reason }) =>
          logEvent === undefined ? { event: index, reason } : { event: index, logEvent, reason },
        ),
      });
    } catch (failure) {
      options.onInternalError?.(`${LOCAL_EVENTS_PATH}: ${describeError(failure)}`);
      return error(500, 'internal_error', `replaying the events failed: ${describeError(failure)}`);
    }
  };
}
