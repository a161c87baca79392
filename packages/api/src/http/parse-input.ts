import { safeText } from '@customs/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod';
import { ApiError, type ApiErrorCode } from './api-error.js';

/** The largest request body accepted (64 KiB); larger ones are answered 413. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Validates the query string with a zod schema; a 400 `invalid_parameter` names each wrong parameter.
 * @example const query = parseQuery(findingsQuerySchema, event);
 */
export function parseQuery<T>(schema: z.ZodType<T>, event: APIGatewayProxyEventV2): T {
  return validate(schema, event.queryStringParameters ?? {}, 'invalid_parameter', 'parameter');
}

/**
 * Decodes and validates a JSON body: 413 over 64 KiB, 400 `invalid_json` when it is not JSON,
 * 400 `invalid_body` naming each wrong field.
 * @example const body = parseBody(newSuppressionSchema, event);
 */
export function parseBody<T>(schema: z.ZodType<T>, event: APIGatewayProxyEventV2): T {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > MAX_BODY_BYTES) {
    throw new ApiError(
      413,
      'payload_too_large',
      `The body is ${bytes.length} bytes; at most ${MAX_BODY_BYTES} are accepted`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not JSON');
  }
  return validate(schema, parsed, 'invalid_body', 'field');
}

/**
 * Validates a path parameter (e.g. a finding id) with its schema; a 400 names the parameter.
 * @example parseParam(findingIdSchema, 'id', params.id);
 */
export function parseParam(schema: z.ZodType<string>, name: string, value: string | undefined): string {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? 'invalid';
  throw new ApiError(400, 'invalid_parameter', `${name}: ${message}`);
}

/** A name the caller chose (a parameter or field), as an error message shows it: bounded, escaped. */
function shownName(name: PropertyKey): string {
  return safeText(String(name), { maxLength: 100 });
}

/**
 * Validates with zod (strict schemas: every unknown name, `__proto__` and `constructor` included,
 * is named in the 400); the message shows the caller's names bounded and control-escaped.
 */
function validate<T>(schema: z.ZodType<T>, input: unknown, code: ApiErrorCode, noun: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map(function describeIssue(issue) {
    if (issue.code === 'unrecognized_keys')
      return `unknown ${noun}(s) ${issue.keys.slice(0, 20).map(shownName).join(', ')}`;
    const where = issue.path.length > 0 ? issue.path.map(shownName).join('.') : '(body)';
    return `${where}: ${issue.message}`;
  });
  throw new ApiError(400, code, safeText(problems.join('; '), { maxLength: 2000 }));
}

/**
 * Who is calling: the IAM principal API Gateway authorized in AWS, the name the local bearer-token
 * check records otherwise.
 * @example actorOf(event); // 'arn:aws:iam::111122223333:user/alice'
 */
export function actorOf(event: APIGatewayProxyEventV2): string {
  const authorizer = (event.requestContext as { authorizer?: Record<string, Record<string, unknown>> })
    .authorizer;
  const iamArn = authorizer?.iam?.userArn;
  if (typeof iamArn === 'string' && iamArn !== '') return iamArn;
  const local = authorizer?.lambda?.actor;
  return typeof local === 'string' && local !== '' ? local : 'anonymous';
}
