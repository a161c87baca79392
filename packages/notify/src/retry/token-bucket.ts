import { type Clock, realClock, realSleep, type Sleep } from './backoff.js';

/** A documented API rate: requests per second sustained, and the burst above it. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/**
 * Paces calls under an API's rate limit (a token bucket: `burst` calls at once, then `perSecond`),
 * in call order, on an injectable clock.
 * @example
 * const bucket = new TokenBucket({ perSecond: 10, burst: 30 }); // Security Hub's BatchImportFindings
 * await bucket.take();
 */
export class TokenBucket {
  readonly #rate: RateLimit;
  readonly #clock: Clock;
  readonly #sleep: Sleep;
  #tokens: number;
  #at: number;

  constructor(rate: RateLimit, clock: Clock = realClock, sleep: Sleep = realSleep) {
    this.#rate = rate;
    this.#clock = clock;
    this.#sleep = sleep;
    this.#tokens = rate.burst;
    this.#at = clock();
  }

  /** Waits until a call may go out, and counts it. */
  async take(): Promise<void> {
    const now = this.#clock();
    this.#tokens = Math.min(
      this.#rate.burst,
      this.#tokens + ((now - this.#at) / 1000) * this.#rate.perSecond,
    );
    this.#at = now;
    this.#tokens -= 1;
    if (this.#tokens < 0) await this.#sleep((-this.#tokens / this.#rate.perSecond) * 1000);
  }
}
