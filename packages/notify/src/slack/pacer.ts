import { type Clock, realClock, realSleep, type Sleep } from '../retry/index.js';

/**
 * Spaces the messages to each webhook: at most one per `intervalMs` (Slack allows about one
 * message a second per incoming webhook). Slots are reserved in call order, so concurrent
 * callers queue up instead of bursting.
 * @example
 * const pacer = new Pacer(1000);
 * await pacer.wait(webhookUrl); // returns at once, then a second after the previous slot
 */
export class Pacer {
  readonly #next = new Map<string, number>();
  readonly #intervalMs: number;
  readonly #clock: Clock;
  readonly #sleep: Sleep;

  constructor(intervalMs = 1000, clock: Clock = realClock, sleep: Sleep = realSleep) {
    this.#intervalMs = intervalMs;
    this.#clock = clock;
    this.#sleep = sleep;
  }

  /** Waits for the next free slot of `key` and takes it. */
  async wait(key: string): Promise<void> {
    const now = this.#clock();
    const slot = Math.max(now, this.#next.get(key) ?? 0);
    this.#next.set(key, slot + this.#intervalMs);
    if (slot > now) await this.#sleep(slot - now);
  }

  /**
   * Marks the end of a request to `key`: the next slot is an interval after it, so requests arrive
   * spaced by at least the interval even when one took long to arrive.
   */
  done(key: string): void {
    this.holdOff(key, this.#intervalMs);
  }

  /** Keeps `key` quiet for `ms` from now (Slack's `Retry-After`). */
  holdOff(key: string, ms: number): void {
    this.#next.set(key, Math.max(this.#next.get(key) ?? 0, this.#clock() + ms));
  }
}
