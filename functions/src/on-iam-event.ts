import { IAM_READER } from '@customs/aws';
import { createEventHandler } from './event-handler.js';
import { reading } from './runtime/lambda-dependencies.js';

/** Lambda entry point: IAM events routed by the `customs-iam` rule (packages/events); reads IAM only. */
export const handler = createEventHandler('on-iam-event', reading({ services: { iam: IAM_READER } }));
