import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MAX_EVENT_DEPTH, measureEvent } from '@customs/events';
import { boundedJson } from './bounded-json.js';

/** A rejected event, kept for inspection (the local stand-in for the DLQ). */
export interface RejectedRecord {
  at: string;
  /** The event's index in the file (or in the request body). */
  index?: number;
  reason: string;
  event: unknown;
}

/** The largest event kept whole in the rejected log: twice what EventBridge delivers. */
export const MAX_KEPT_EVENT_BYTES = 512 * 1024;
/** How much of the JSON of a larger or deeper event is kept, as text. */
export const KEPT_TEXT_CHARS = 64 * 1024;

/**
 * One line of the rejected log, whatever the event holds: `{"at", "index", "reason", "event"}`,
 * the event as it came when it is at most {@link MAX_KEPT_EVENT_BYTES} as JSON and at most 1,100
 * levels deep; else `"truncated": true` and `"eventText"`, the first {@link KEPT_TEXT_CHARS}
 * characters of its JSON. Never calls `JSON.stringify` on the event (which throws past a few
 * thousand levels): the JSON is written without recursion.
 * @example await appendFile(path, rejectedLine({ at, index: 3, reason, event }));
 */
export function rejectedLine(record: RejectedRecord): string {
  const head = `{"at":${JSON.stringify(record.at)},${record.index === undefined ? '' : `"index":${record.index},`}"reason":${JSON.stringify(record.reason)}`;
  const measure = measureEvent(record.event, MAX_KEPT_EVENT_BYTES, MAX_EVENT_DEPTH);
  if (measure.over === undefined) {
    const whole = boundedJson(record.event, MAX_KEPT_EVENT_BYTES * 2);
    if (whole.complete) return `${head},"event":${whole.text}}\n`;
  }
  const text =
    typeof record.event === 'string'
      ? record.event.slice(0, KEPT_TEXT_CHARS)
      : boundedJson(record.event, KEPT_TEXT_CHARS).text.slice(0, KEPT_TEXT_CHARS);
  return `${head},"truncated":true,"eventText":${JSON.stringify(text)}}\n`;
}

/**
 * A writer of the rejected log that keeps each event as soon as it is given one (a line per call,
 * its folder made once), so what was rejected before a crash or Ctrl-C is kept.
 * @example await replayEvents(entries, pipeline, { keep: rejectedLogWriter('.customs/rejected.jsonl') });
 */
export function rejectedLogWriter(path: string): (record: RejectedRecord) => Promise<void> {
  let folder: Promise<unknown> | undefined;
  return async function keep(record) {
    folder ??= mkdir(dirname(path), { recursive: true });
    await folder;
    await appendFile(path, rejectedLine(record));
  };
}
