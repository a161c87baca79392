import { Logger } from '@aws-lambda-powertools/logger';
import { ConfigError, CustomsError, DEFAULT_CONFIG } from '@customs/core';
import { localLambdaContext } from '@customs/local';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoImageAction } from '../../test/helpers/sample-events.js';
import { apiDependencies } from '../src/api.js';
import { createEventHandler } from '../src/event-handler.js';
import { withCustomsMiddleware } from '../src/middleware/customs-middleware.js';
import { customsConfigFromEnv, requireEnv } from '../src/runtime/environment.js';
import { lambdaDependencies } from '../src/runtime/lambda-dependencies.js';
import { parseSweepQueueEvent } from '../src/sweep-worker.js';

const API_ENV = {
  CUSTOMS_TABLE_NAME: 'customs-findings',
  CUSTOMS_CURSOR_KEY: 'a-secret-cursor-key',
  AWS_REGION: 'eu-west-1',
  CUSTOMS_SWEEP_FUNCTION_NAME: 'customs-prod-sweep',
};

/** The JSON lines a function logs while `act` runs (Powertools writes them to stdout and stderr). */
async function logsOf(act: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  for (const stream of [process.stdout, process.stderr])
    vi.spyOn(stream, 'write').mockImplementation((chunk) => lines.push(String(chunk)) > 0);
  try {
    await act();
  } finally {
    vi.restoreAllMocks();
  }
  return lines.flatMap((line) => line.split('\n').filter(Boolean)).map((line) => JSON.parse(line));
}

function failingFunction(error: unknown) {
  const logger = new Logger({ serviceName: 'customs', logLevel: 'INFO' });
  return withCustomsMiddleware(
    async () => {
      throw error;
    },
    { logger },
  );
}

describe('the configuration a function reads from its environment', () => {
  it('names CUSTOMS_CONFIG and the JSON problem when it is not JSON, in both entry points that read it', async () => {
    const env = { ...API_ENV, CUSTOMS_CONFIG: '{"maxSuppressionDays": 30,' };
    const readers: (() => unknown)[] = [() => apiDependencies(env), () => lambdaDependencies(env)];
    for (const read of readers) {
      const error = await Promise.resolve()
        .then(read)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).kind).toBe('input');
      expect((error as Error).message).toMatch(/^CUSTOMS_CONFIG is not valid JSON: \S/);
    }
  });

  it('names CUSTOMS_CONFIG and every wrong key when the JSON is not a configuration', () => {
    expect(() => customsConfigFromEnv({ CUSTOMS_CONFIG: '{"maxHigh": -1, "maxCriticals": 0}' })).toThrow(
      /^CUSTOMS_CONFIG is invalid: .*maxHigh: .*unknown key\(s\) maxCriticals/,
    );
    expect(() => customsConfigFromEnv({ CUSTOMS_CONFIG: '[1]' })).toThrow(/^CUSTOMS_CONFIG is invalid: /);
  });

  it('takes the defaults when CUSTOMS_CONFIG is unset or blank, and the value when it is valid', () => {
    expect(customsConfigFromEnv({})).toEqual(DEFAULT_CONFIG);
    expect(customsConfigFromEnv({ CUSTOMS_CONFIG: '  ' })).toEqual(DEFAULT_CONFIG);
    expect(customsConfigFromEnv({ CUSTOMS_CONFIG: '{"maxHigh": 3}' }).maxHigh).toBe(3);
  });

  it('names a required variable that is unset or blank, as an input error', () => {
    for (const value of [undefined, '', '   ']) {
      const read = () => requireEnv('CUSTOMS_TABLE_NAME', { CUSTOMS_TABLE_NAME: value });
      expect(read).toThrow(ConfigError);
      expect(read).toThrow(/^the environment variable CUSTOMS_TABLE_NAME is not set/);
    }
  });

  it('fails the invocation of a function whose CUSTOMS_CONFIG is not JSON, logging the reason once', async () => {
    // Prepare: an event handler whose dependencies read a broken environment
    const logger = new Logger({ serviceName: 'customs', logLevel: 'INFO' });
    const handler = createEventHandler(
      'on-ecr-event',
      () => lambdaDependencies({ ...API_ENV, CUSTOMS_CONFIG: 'maxHigh=3' }),
      logger,
    );
    const event = demoImageAction('PUSH', 'team/payments-api', `sha256:${'a'.repeat(64)}`, 'v1');
    // Act
    let failure: unknown;
    const logs = await logsOf(() =>
      handler(event, localLambdaContext('on-ecr-event')).catch((error) => {
        failure = error;
      }),
    );
    // Assess
    expect(failure).toBeInstanceOf(ConfigError);
    const failed = logs.filter((line) => line.level === 'WARN');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ message: 'rejected', kind: 'input', errorName: 'ConfigError' });
    expect(failed[0]?.reason).toMatch(/^CUSTOMS_CONFIG is not valid JSON/);
  });
});

describe('how a function logs a failed invocation, by the kind of its error', () => {
  afterEach(() => vi.restoreAllMocks());

  it('logs an input error as rejected with its reason, anything else as an error with the error', async () => {
    const cases: [unknown, string, string, string][] = [
      [new CustomsError('input', 'detail.repository-name: expected a string'), 'WARN', 'rejected', 'input'],
      [new CustomsError('not-found', 'no such unit'), 'WARN', 'not found', 'not-found'],
      [new CustomsError('throttled', 'Slack answered 429'), 'WARN', 'throttled', 'throttled'],
      [new CustomsError('access-denied', 'AccessDenied'), 'ERROR', 'access denied', 'access-denied'],
      [new TypeError('x is not a function'), 'ERROR', 'invocation failed', 'internal'],
    ];
    for (const [error, level, message, kind] of cases) {
      const handler = failingFunction(error);
      let failure: unknown;
      const logs = await logsOf(() =>
        handler({}, localLambdaContext('sweep')).catch((caught) => {
          failure = caught;
        }),
      );
      // Every one still fails the invocation: Lambda retries it, then keeps it in the DLQ.
      expect(failure).toBe(error);
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatchObject({ level, message, kind });
      if (level === 'ERROR') expect(logs[0]?.error).toMatchObject({ message: (error as Error).message });
    }
  });

  it('rejects a sweep queue event that is not an SQS batch as input, naming the field', () => {
    expect(() => parseSweepQueueEvent({ Records: [{ body: '{}' }] })).toThrow(
      expect.objectContaining({ name: 'EventValidationError', kind: 'input' }),
    );
    expect(() => parseSweepQueueEvent({ Records: [{ body: '{}' }] })).toThrow(
      /Records\[0\]\.messageId|messageId/,
    );
  });
});
