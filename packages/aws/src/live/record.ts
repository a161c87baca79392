import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Scope } from '../normalise/wire.js';
import type { Recorder } from './live-session.js';

/** The bodies a recording collected, by snapshot path. */
export class SnapshotRecording {
  readonly bodies = new Map<string, object>();
  /** Pass to `AwsCollector.open({ recorder })`. */
  readonly recorder: Recorder = (path, body) => {
    this.bodies.set(path, body);
  };

  /**
   * Writes the snapshot directory of docs/snapshot.md: one JSON body per call (no `$metadata`,
   * pages merged, timestamps ISO 8601, blobs base64 as the CLI prints them) and `account.json`
   * with `capturedAt`. Returns the paths written, sorted.
   * @example await recording.write('/tmp/snapshot', collector.scope, new Date());
   */
  async write(dir: string, scope: Scope, capturedAt: Date): Promise<string[]> {
    const files = new Map<string, object>(this.bodies);
    files.set('account.json', {
      accountId: scope.accountId,
      region: scope.region,
      capturedAt: capturedAt.toISOString(),
    });
    const paths = [...files.keys()].sort();
    for (const path of paths) {
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, `${toCliJson(files.get(path))}\n`);
    }
    return paths;
  }
}

/**
 * A body as the AWS CLI prints it: dates as ISO 8601 (their `toJSON`), bytes as base64.
 * @example toCliJson({ Content: new Uint8Array([117]) }) // '{\n  "Content": "dQ=="\n}'
 */
export function toCliJson(body: unknown): string {
  return JSON.stringify(
    body,
    function cliValue(_key, value: unknown) {
      return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
    },
    2,
  );
}
