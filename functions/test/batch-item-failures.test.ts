import { describe, expect, it } from 'vitest';
import { BatchItemFailures, itemIdentifierOf } from '../src/runtime/batch-item-failures.js';

describe('a partial batch response', () => {
  it('names each failed record once, in the order it first failed, and none when all succeeded', async () => {
    // Prepare
    const failures = new BatchItemFailures();
    const told: unknown[] = [];
    const boom = new Error('unit failed');
    // Act
    const ran = [
      await failures.attempt('m-1', async () => undefined, told.push.bind(told)),
      await failures.attempt(
        'm-2',
        async () => {
          throw boom;
        },
        (error) => told.push(error),
      ),
      await failures.attempt(
        'm-3',
        () => {
          throw new Error('sync failure');
        },
        () => undefined,
      ),
    ];
    failures.add('m-2');
    // Assess
    expect(ran).toEqual([true, false, false]);
    expect(told).toEqual([boom]);
    expect(failures.response()).toEqual({
      batchItemFailures: [{ itemIdentifier: 'm-2' }, { itemIdentifier: 'm-3' }],
    });
    expect(new BatchItemFailures().response()).toEqual({ batchItemFailures: [] });
  });

  it('names an SQS message by its messageId and a stream record by its SequenceNumber, else fails the batch', () => {
    expect(itemIdentifierOf({ messageId: '059f36b4-87a3-44ab-83d2-661975830a7d' })).toBe(
      '059f36b4-87a3-44ab-83d2-661975830a7d',
    );
    expect(
      itemIdentifierOf({ eventID: '1', dynamodb: { SequenceNumber: '4421584500000000017450439091' } }),
    ).toBe('4421584500000000017450439091');
    expect(() => itemIdentifierOf({ eventID: 'c4ca4238\u001b[2J', dynamodb: {} })).toThrow(
      /^record c4ca4238\\u001b\[2J has neither a messageId nor a SequenceNumber/,
    );
  });
});
