import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * Times several works against each other on a shared machine: one warm-up run each, then `rounds`
 * rounds that run every work once in turn (so that a busy spell slows all of them alike), and the
 * fastest run of each. Time is the process's CPU time (user + system, `process.cpuUsage`), not the
 * wall clock: on a machine whose other processes hold the cores, waiting for a core is not the
 * work's cost, while its garbage collection (on helper threads too) is. Milliseconds by name.
 * @example const { engine, baseline } = fastestOfMs({ engine: () => run(), baseline: () => bare() }, 7);
 */
export function fastestOfMs<K extends string>(works: Record<K, () => void>, rounds = 5): Record<K, number> {
  const names = Object.keys(works) as K[];
  const fastest = {} as Record<K, number>;
  for (const name of names) {
    works[name]();
    fastest[name] = Number.POSITIVE_INFINITY;
  }
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const start = process.cpuUsage();
      works[name]();
      const used = process.cpuUsage(start);
      fastest[name] = Math.min(fastest[name], (used.user + used.system) / 1000);
    }
  }
  return fastest;
}

/** What `peakRss` reports of a child process. */
export interface PeakRss {
  /** The child's peak resident set (`process.resourceUsage().maxRSS`), in MiB. */
  peakMiB: number;
  exitCode: number | null;
  wallMs: number;
  stderr: string;
}

/** Loaded first in the child: writes its peak RSS (KiB) to the file `CUSTOMS_BENCH_RSS_FILE` names as it exits. */
const REPORT_RSS = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(process.env.CUSTOMS_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));",
)}`;

/**
 * Runs `node <args>` in a child process (stdout discarded) and reports its peak resident set: the
 * memory a Lambda function of the same work would need, as the child measures it itself.
 * @example const { peakMiB } = await peakRss(['packages/local/bin/customs.js', 'scan', '--snapshot', dir]);
 */
export async function peakRss(args: string[], env: Record<string, string> = {}): Promise<PeakRss> {
  const dir = mkdtempSync(join(tmpdir(), 'customs-rss-'));
  const file = join(dir, 'max-rss');
  const start = performance.now();
  try {
    const child = spawn(process.execPath, ['--import', REPORT_RSS, ...args], {
      env: { ...process.env, ...env, CUSTOMS_BENCH_RSS_FILE: file },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    const wallMs = performance.now() - start;
    const peakKiB = Number(readFileSync(file, 'utf8'));
    return { peakMiB: peakKiB / 1024, exitCode, wallMs, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Formats a number with thousands separators. */
export const fmt = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
