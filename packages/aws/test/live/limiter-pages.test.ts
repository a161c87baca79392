import { describe, expect, it } from 'vitest';
import { createLimiter, mergePages } from '../../src/index.js';

describe('createLimiter', () => {
  it('never runs more than its concurrency at once, and runs everything in order', async () => {
    // Prepare
    const limiter = createLimiter(3);
    const started: number[] = [];
    // Act
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        limiter.run(async () => {
          started.push(index);
          await new Promise((resolve) => setTimeout(resolve, 5));
          return index * 2;
        }),
      ),
    );
    // Assess
    expect(results).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(limiter.peak).toBe(3);
    expect(limiter.active).toBe(0);
  });

  it('frees the slot of work that fails', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'next')).toBe('next');
  });

  it('rejects a concurrency below one', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
  });
});

describe('mergePages', () => {
  it('joins list fields and leaves out tokens and $metadata, as the CLI prints a paginated call', () => {
    const merged = mergePages([
      {
        $metadata: { httpStatusCode: 200 },
        UserDetailList: [{ UserName: 'Alice' }],
        Policies: [],
        IsTruncated: true,
        Marker: 'm1',
      },
      {
        $metadata: { httpStatusCode: 200 },
        UserDetailList: [{ UserName: 'Bob' }],
        Policies: [{ PolicyName: 'p' }],
        IsTruncated: false,
      },
    ]);
    expect(merged).toEqual({
      UserDetailList: [{ UserName: 'Alice' }, { UserName: 'Bob' }],
      Policies: [{ PolicyName: 'p' }],
    });
  });
});
