import { safeText } from '@customs/core';
import { cut } from './terminal.js';

/** Erases the terminal's current line: back to its start, then clear to its end. */
const ERASE = '\r\u001b[K';

/**
 * A progress line on a terminal: each update rewrites one line in place (`\r`); `clear()` erases
 * it before other output. On anything but a TTY (a pipe, a file, a CI log) it writes nothing, so
 * pipes and logs stay clean.
 * @example const progress = progressLine(process.stderr); progress.update('reading eu-west-1: ecr 12'); progress.clear();
 */
export interface ProgressLine {
  /** Shows `text` (escaped, cut to the terminal's width) in place of the last update. */
  update(text: string): void;
  /** Erases the line, if one is shown. */
  clear(): void;
}

/** The progress line of a stream: live on a TTY (not `TERM=dumb`), silent otherwise. */
export function progressLine(
  stream: NodeJS.WritableStream,
  env: NodeJS.ProcessEnv = process.env,
): ProgressLine {
  const tty = stream as Partial<NodeJS.WriteStream>;
  if (tty.isTTY !== true || env.TERM === 'dumb') return { update() {}, clear() {} };
  let shown = false;
  return {
    update(text) {
      // One column short of the width, so the cursor never wraps onto a new line.
      const width = Math.max(10, (tty.columns ?? 80) - 1);
      stream.write(`${ERASE}${cut(safeText(text, { maxLength: 500 }), width)}`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      stream.write(ERASE);
      shown = false;
    },
  };
}

/** Bodies read from AWS so far, per region and service (`ecr`, `eks`, `ecs`; `iam` is global). */
export class CallCounts {
  readonly #counts = new Map<string, Map<string, number>>();
  #total = 0;

  /** Counts one body read in `region` (its snapshot path names the service: `ecr/DescribeImages/…`). */
  add(region: string, path: string): void {
    const slash = path.indexOf('/');
    const service = slash > 0 ? path.slice(0, slash) : path;
    const where = service === 'iam' ? 'global' : region;
    const services = this.#counts.get(where) ?? new Map<string, number>();
    services.set(service, (services.get(service) ?? 0) + 1);
    this.#counts.set(where, services);
    this.#total++;
  }

  get total(): number {
    return this.#total;
  }

  /** Region → service → bodies read, regions in the order first read. */
  byRegion(): ReadonlyMap<string, ReadonlyMap<string, number>> {
    return this.#counts;
  }
}

/**
 * The progress of a live read, per region and service:
 * `reading AWS: eu-west-1 ecr 14 · eks 6 · ecs 9 | iam 3 (32 calls answered)`.
 * @example callsLine(counts); // 'reading AWS: eu-west-1 ecr 2 | iam 1 (3 calls answered)'
 */
export function callsLine(counts: CallCounts): string {
  if (counts.total === 0) return 'reading AWS…';
  const regions = [...counts.byRegion()].map(([region, services]) => {
    const each = [...services].map(([service, n]) => `${service} ${n}`).join(' · ');
    return region === 'global' ? each : `${region} ${each}`;
  });
  return `reading AWS: ${regions.join(' | ')} (${counts.total} call${counts.total === 1 ? '' : 's'} answered)`;
}
