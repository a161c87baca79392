import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { SweepStarted } from '@customs/api';

/**
 * `POST /sweeps` in AWS: invokes the sweep function asynchronously (`InvocationType: Event`), so
 * the request returns at once; Lambda runs it, retries it, and keeps a failure in its DLQ.
 * @example const startSweep = sweepInvoker(new LambdaClient({}), process.env.CUSTOMS_SWEEP_FUNCTION_NAME);
 */
export function sweepInvoker(
  client: LambdaClient,
  functionName: string,
  clock: () => Date = () => new Date(),
) {
  return async function startSweep(): Promise<SweepStarted> {
    const startedAt = clock().toISOString();
    const response = await client.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'Event',
        Payload: JSON.stringify({ source: 'customs.api', startedAt }),
      }),
    );
    const id = response.$metadata.requestId;
    return { status: 'started', startedAt, ...(id ? { id } : {}) };
  };
}
