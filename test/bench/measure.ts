import { performance } from 'node:perf_hooks';

/** Runs `work` `repeat` times after one warm-up run and returns the median milliseconds. */
export function medianMs(work: () => void, repeat = 5): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Formats a number with thousands separators. */
export const fmt = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
