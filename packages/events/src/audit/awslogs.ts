import { gunzipSync } from 'node:zlib';
import { safeText } from '@customs/core';
import * as z from 'zod';
import { EventValidationError } from '../errors.js';
import { isAccountId } from '../schemas/aws-values.js';
import { MAX_AWSLOGS_DATA_CHARS, MAX_DECODED_BYTES, MAX_MESSAGE_CHARS } from './bounds.js';

/** One log event of a subscription payload, as CloudWatch Logs sends it. */
export interface AwsLogEvent {
  id: string;
  timestamp: number;
  message: string;
}

/** A decoded subscription payload: the log events of an EKS cluster's log group, or a control message. */
export type AwsLogsBatch =
  | {
      messageType: 'DATA_MESSAGE';
      /** The account the log group is in (`owner`). */
      accountId: string;
      logGroup: string;
      logStream: string;
      /** The EKS cluster whose log group (`/aws/eks/<cluster>/cluster`) it is. */
      cluster: string;
      logEvents: AwsLogEvent[];
    }
  | { messageType: 'CONTROL_MESSAGE'; reason: string };

const LOG_GROUP_PREFIX = '/aws/eks/';
const LOG_GROUP_SUFFIX = '/cluster';

/** The decoded payload (SubscriptionFilters.md, "Example 2": owner, logGroup, logStream, …, logEvents). */
const decodedSchema = z.object({
  owner: z.string(),
  logGroup: z.string().min(1).max(512),
  logStream: z.string().max(512),
  subscriptionFilters: z.array(z.string()).optional(),
  messageType: z.enum(['DATA_MESSAGE', 'CONTROL_MESSAGE']),
  logEvents: z.array(
    z.object({
      id: z.string().max(100),
      timestamp: z.number(),
      message: z.string().max(MAX_MESSAGE_CHARS, `is over ${MAX_MESSAGE_CHARS} characters`),
    }),
  ),
});

/** The raw form a Lambda receives: `{"awslogs": {"data": "<base64 of the gzipped payload>"}}`. */
const rawSchema = z.object({ awslogs: z.object({ data: z.string().min(1) }) });

function describe(error: z.ZodError, prefix: string): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => `${[prefix, ...issue.path.map(String)].filter(Boolean).join('.')}: ${issue.message}`)
    .join('; ');
}

/** Whether every character is of the base64 alphabet (and `=` padding only at the end). One pass. */
function isBase64(text: string): boolean {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d && text.length - end < 2) end--;
  if (text.length % 4 !== 0) return false;
  for (let index = 0; index < end; index++) {
    const code = text.charCodeAt(index);
    const ok =
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x30 && code <= 0x39) ||
      code === 0x2b ||
      code === 0x2f;
    if (!ok) return false;
  }
  return true;
}

/** The gunzipped text of `awslogs.data`, bounded before and after decompression. */
function gunzipData(data: string): string {
  if (data.length > MAX_AWSLOGS_DATA_CHARS)
    throw new EventValidationError(
      `awslogs.data: is ${data.length} characters; a subscription payload Lambda delivers is under ${MAX_AWSLOGS_DATA_CHARS}`,
    );
  if (!isBase64(data)) throw new EventValidationError('awslogs.data: is not base64');
  let decoded: Buffer;
  try {
    decoded = gunzipSync(Buffer.from(data, 'base64'), { maxOutputLength: MAX_DECODED_BYTES });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || (error as Error).name === 'RangeError')
      throw new EventValidationError(
        `awslogs.data: decompresses to more than ${MAX_DECODED_BYTES} bytes (a gzip bomb, or not a CloudWatch Logs payload)`,
      );
    throw new EventValidationError(`awslogs.data: is not gzip data (${safeText(String(code ?? error))})`);
  }
  return decoded.toString('utf8');
}

/**
 * The EKS cluster of a log group `/aws/eks/<cluster>/cluster`, or why it is not one: an EKS
 * cluster name is 1 to 100 letters, digits, `-` and `_`, starting with a letter or digit (EKS API
 * reference, CreateCluster `name`). No regular expression.
 * @example clusterOfLogGroup('/aws/eks/prod/cluster') // 'prod'
 */
export function clusterOfLogGroup(logGroup: string): string {
  const fail = (why: string) =>
    new EventValidationError(`logGroup: ${safeText(logGroup, { maxLength: 200 })} ${why}`);
  if (!logGroup.startsWith(LOG_GROUP_PREFIX) || !logGroup.endsWith(LOG_GROUP_SUFFIX))
    throw fail('is not an EKS cluster log group (/aws/eks/<cluster>/cluster)');
  const name = logGroup.slice(LOG_GROUP_PREFIX.length, logGroup.length - LOG_GROUP_SUFFIX.length);
  if (name.length < 1 || name.length > 100) throw fail('does not name an EKS cluster (1 to 100 characters)');
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    const alnum =
      (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
    if (!alnum && (index === 0 || (code !== 0x2d && code !== 0x5f)))
      throw fail('does not name an EKS cluster (letters, digits, - and _, from a letter or digit)');
  }
  return name;
}

function decodedOf(raw: unknown): unknown {
  if (raw !== null && typeof raw === 'object' && Object.hasOwn(raw, 'awslogs')) {
    const parsed = rawSchema.safeParse(raw);
    if (!parsed.success) throw new EventValidationError(describe(parsed.error, ''));
    const text = gunzipData(parsed.data.awslogs.data);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new EventValidationError(
        `awslogs.data: the decompressed payload is not JSON (${safeText((error as Error).message, { maxLength: 200 })})`,
      );
    }
  }
  return raw;
}

/**
 * Decodes a CloudWatch Logs subscription payload: the raw form a Lambda receives
 * (`{"awslogs": {"data": "<base64 gzip>"}}`, bounded: the base64's length, gunzip's output) or the
 * decoded form itself (as the CloudWatch Logs guide prints it), validated: a `DATA_MESSAGE` of an
 * EKS cluster's log group, its `owner` an account id. A `CONTROL_MESSAGE` (CloudWatch Logs checking
 * that the destination is reachable) carries no log event. Anything else is an
 * `EventValidationError` naming what is wrong. Each log event's message is left to the audit
 * event parser, so one malformed message never rejects the others.
 * @example const batch = decodeAwsLogs(lambdaEvent); if (batch.messageType === 'DATA_MESSAGE') batch.cluster
 */
export function decodeAwsLogs(raw: unknown): AwsLogsBatch {
  const decoded = decodedSchema.safeParse(decodedOf(raw));
  if (!decoded.success)
    throw new EventValidationError(
      `not a CloudWatch Logs subscription payload: ${describe(decoded.error, '')}`,
    );
  const { owner, logGroup, logStream, messageType, logEvents } = decoded.data;
  if (messageType === 'CONTROL_MESSAGE')
    return {
      messageType,
      reason: 'a CloudWatch Logs control message (a reachability check) carries no log event',
    };
  if (!isAccountId(owner)) throw new EventValidationError('owner: must be an AWS account id (12 digits)');
  return {
    messageType,
    accountId: owner,
    logGroup,
    logStream,
    cluster: clusterOfLogGroup(logGroup),
    logEvents,
  };
}

/**
 * Whether a value is a CloudWatch Logs subscription payload, raw or decoded (to route it), by its
 * shape alone: an `awslogs` member, or `messageType` and `logEvents`.
 * @example isAwsLogsPayload({ awslogs: { data: '…' } }) // true
 */
export function isAwsLogsPayload(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return (
    Object.hasOwn(value, 'awslogs') ||
    (Object.hasOwn(value, 'messageType') && Object.hasOwn(value, 'logEvents'))
  );
}
