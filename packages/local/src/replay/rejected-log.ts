import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A rejected event, kept for inspection (the local stand-in for the DLQ). */
export interface RejectedRecord {
  at: string;
  reason: string;
  event: unknown;
}

/**
 * Appends rejected events to a JSON-lines file, creating its folder.
 * @example await appendRejected('.customs/rejected.jsonl', [{ at, reason, event }]);
 */
export async function appendRejected(path: string, records: RejectedRecord[]): Promise<void> {
  if (records.length === 0) return;
  await mkdir(dirname(path), { recursive: true });
  await appendFile(path, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
}
