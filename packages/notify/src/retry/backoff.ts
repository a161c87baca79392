/** Waits `ms` milliseconds; injectable so tests run without real waits. */
export type Sleep = (ms: number) => Promise<void>;

/** The current time in epoch milliseconds; injectable for tests. */
export type Clock = () => number;

export const realSleep: Sleep = (ms) => new Promise((wake) => setTimeout(wake, Math.max(0, ms)));
export const realClock: Clock = () => Date.now();

/** Bounded exponential backoff. */
export interface BackoffPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Wait before the second attempt; doubled for each next one. */
  baseDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
}

/**
 * The wait before attempt `attempt + 1` (after `attempt` failed): base × 2^(attempt−1), capped,
 * with up to 20 % jitter taken off so that concurrent senders spread out.
 * @example backoffDelay({ maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8000 }, 2); // 800–1000
 */
export function backoffDelay(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full * (1 - 0.2 * random()));
}
