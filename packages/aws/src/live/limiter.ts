/** Runs async work with at most `concurrency` pieces in flight; the rest wait in order. */
export interface Limiter {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Pieces running now. */
  readonly active: number;
  /** The most that ran at once. */
  readonly peak: number;
}

/**
 * A first-in first-out concurrency limiter (no dependency).
 * @example
 * const ecr = createLimiter(8);
 * const pages = await Promise.all(names.map((name) => ecr.run(() => client.send(command(name)))));
 */
export function createLimiter(concurrency: number): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  }
  // A queue with a moving head: Array#shift is O(n), and a sweep queues 100,000s of calls.
  let waiting: (() => void)[] = [];
  let head = 0;
  let active = 0;
  let peak = 0;
  function release(): void {
    const next = waiting[head];
    if (next) {
      head += 1;
      if (head > 1024 && head * 2 > waiting.length) {
        waiting = waiting.slice(head);
        head = 0;
      }
    }
    // The slot passes straight to the next in line, so no newcomer can take it in between.
    if (next) next();
    else active -= 1;
  }
  async function acquire(): Promise<void> {
    if (active >= concurrency) {
      await new Promise<void>((resolve) => waiting.push(resolve));
      return;
    }
    active += 1;
    peak = Math.max(peak, active);
  }
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get peak() {
      return peak;
    },
  };
}
