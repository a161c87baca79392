import { safeText } from '@customs/core';
import type * as z from 'zod';
import { EventValidationError } from '../errors.js';
import { cloudTrailDetail } from './cloudtrail.js';
import { ecrImageActionDetail, ecrImageScanDetail, ecrScanResourceChangeDetail } from './ecr.js';
import { ecsDeploymentStateChangeDetail, ecsServiceActionDetail, ecsTaskStateChangeDetail } from './ecs.js';
import { type Envelope, envelopeSchema } from './envelope.js';
import { checkEventBounds } from './event-bounds.js';
import { inspectorFindingDetail, inspectorScanDetail } from './inspector2.js';

const DETAIL_SCHEMAS = {
  'aws.ecr|ECR Image Action': ['ecr-image-action', ecrImageActionDetail],
  'aws.ecr|ECR Image Scan': ['ecr-image-scan', ecrImageScanDetail],
  'aws.ecr|ECR Scan Resource Change': ['ecr-scan-resource-change', ecrScanResourceChangeDetail],
  'aws.inspector2|Inspector2 Scan': ['inspector2-scan', inspectorScanDetail],
  'aws.inspector2|Inspector2 Finding': ['inspector2-finding', inspectorFindingDetail],
  'aws.ecs|ECS Task State Change': ['ecs-task-state-change', ecsTaskStateChangeDetail],
  'aws.ecs|ECS Deployment State Change': ['ecs-deployment-state-change', ecsDeploymentStateChangeDetail],
  'aws.ecs|ECS Service Action': ['ecs-service-action', ecsServiceActionDetail],
} as const;

type DetailSchemas = typeof DETAIL_SCHEMAS;
type Kinded = {
  [K in keyof DetailSchemas]: { kind: DetailSchemas[K][0]; detail: z.infer<DetailSchemas[K][1]> };
}[keyof DetailSchemas];

/** A validated event: its envelope and its typed detail, by kind. */
export type ParsedEvent = { envelope: Envelope } & (
  | Kinded
  | { kind: 'cloudtrail'; detail: z.infer<typeof cloudTrailDetail> }
);

function describe(error: z.ZodError, prefix: string): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => `${[prefix, ...issue.path.map(String)].filter(Boolean).join('.')}: ${issue.message}`)
    .join('; ');
}

/**
 * Checks what every event must be before anything reads it further: within EventBridge's size and
 * nesting limits, and a well-formed envelope (`time` an ISO 8601 instant, `account` 12 digits,
 * `region` a Region name, `detail` an object). Throws `EventValidationError` naming the field.
 * @example const envelope = parseEnvelope(JSON.parse(line)); // before routing it
 */
export function parseEnvelope(raw: unknown): Envelope {
  checkEventBounds(raw);
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success)
    throw new EventValidationError(`not an EventBridge event: ${describe(envelope.error, '')}`);
  return envelope.data;
}

/**
 * Validates an EventBridge event against the documented shape of its source and detail type
 * (after {@link parseEnvelope}). Throws `EventValidationError` naming each wrong field
 * (`detail.image-digest: ...`); the message is bounded, whatever the event holds.
 * @example const event = parseEvent(JSON.parse(body)); if (event.kind === 'ecr-image-action') ...
 */
export function parseEvent(raw: unknown): ParsedEvent {
  const envelope = parseEnvelope(raw);
  const { source } = envelope;
  const detailType = envelope['detail-type'];
  if (detailType === 'AWS API Call via CloudTrail') {
    const detail = cloudTrailDetail.safeParse(envelope.detail);
    if (!detail.success) throw new EventValidationError(describe(detail.error, 'detail'));
    return { envelope, kind: 'cloudtrail', detail: detail.data };
  }
  const entry = Object.hasOwn(DETAIL_SCHEMAS, `${source}|${detailType}`)
    ? DETAIL_SCHEMAS[`${source}|${detailType}` as keyof DetailSchemas]
    : undefined;
  if (!entry)
    throw new EventValidationError(
      `unsupported event: source ${safeText(source, { maxLength: 100 })}, detail-type "${safeText(detailType, { maxLength: 100 })}"`,
    );
  const [kind, schema] = entry;
  const detail = schema.safeParse(envelope.detail);
  if (!detail.success) throw new EventValidationError(describe(detail.error, 'detail'));
  return { envelope, kind, detail: detail.data } as ParsedEvent;
}
