import { LAMBDA_BUDGET } from '@customs/aws';
import { describe, expect, it } from 'vitest';
import { SWEEP_QUEUE, SWEEP_SUBSCRIPTION, SWEEP_WORKER } from '../../infra/sweep-queue-args.js';

/** SQS's longest visibility timeout: 12 hours (API_ChangeMessageVisibility.html). */
const SQS_MAX_VISIBILITY_SECONDS = 12 * 60 * 60;
/** Lambda's longest timeout: 15 minutes. */
const LAMBDA_MAX_TIMEOUT_SECONDS = 15 * 60;

describe('infra/sweep-queue-args', () => {
  it('gives the worker the whole invocation the planner sizes each unit for', () => {
    expect(SWEEP_WORKER.timeoutSeconds * 1000).toBeGreaterThanOrEqual(LAMBDA_BUDGET.timeoutMs);
    expect(SWEEP_WORKER.timeoutSeconds).toBeLessThanOrEqual(LAMBDA_MAX_TIMEOUT_SECONDS);
  });

  it("keeps a received unit invisible for at least six of the worker's timeouts, within SQS's limit", () => {
    expect(SWEEP_QUEUE.visibilityTimeoutSeconds).toBeGreaterThanOrEqual(6 * SWEEP_WORKER.timeoutSeconds);
    expect(SWEEP_QUEUE.visibilityTimeoutSeconds).toBeLessThanOrEqual(SQS_MAX_VISIBILITY_SECONDS);
  });

  it('runs one unit at a time: one message an invocation, one worker, failed units reported alone', () => {
    expect(SWEEP_SUBSCRIPTION).toEqual({ batchSize: 1, partialResponses: true });
    expect(SWEEP_WORKER.reservedConcurrency).toBe(1);
    expect(SWEEP_QUEUE.maxReceiveCount).toBe(3);
  });
});
