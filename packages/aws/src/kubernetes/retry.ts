import { BASE_BACKOFF_MS, MAX_BACKOFF_MS } from './constants.js';

/** Whether an answer is worth another attempt: throttled (429) or a server error (5xx). */
export function retryable(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * How long to wait before retry `attempt` (0 for the first retry): `Retry-After` when the server
 * sent one (seconds or an HTTP date), else exponential backoff with jitter; never more than 10 s.
 * @example backoffMs(0, '2', Date.now()) // 2000
 */
export function backoffMs(attempt: number, retryAfter: string | string[] | undefined, nowMs: number): number {
  const header = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
  if (header !== undefined && header.trim() !== '') {
    const seconds = Number(header);
    const asked = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - nowMs;
    if (Number.isFinite(asked)) return Math.min(MAX_BACKOFF_MS, Math.max(0, asked));
  }
  const exponential = BASE_BACKOFF_MS * 2 ** Math.min(attempt, 16);
  return Math.min(MAX_BACKOFF_MS, exponential / 2 + Math.random() * (exponential / 2));
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
