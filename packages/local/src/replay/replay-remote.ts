import { checkEventBounds } from '@customs/events';
import { UsageError } from '../cli/errors.js';
import { LOCAL_EVENTS_MAX_BODY_BYTES, LOCAL_EVENTS_PATH } from '../constants.js';
import { safeReason } from './describe.js';
import type { EventEntry } from './read-events.js';
import type { ReplayReport } from './replay-events.js';

type Sendable = { index: number; event: unknown; json: string };

/** What the route answers (remote input: every reason is bounded again here). */
type RemoteReport = { error?: { message?: string } } & Partial<
  Pick<ReplayReport, 'changes' | 'unchanged' | 'ignored'> & {
    rejected: { event: number; logEvent?: number; reason: string }[];
  }
>;

/** The audit event's index of a remote entry, when it is a number (remote input). */
function logEventOf(entry: { logEvent?: unknown }): { logEvent?: number } {
  return typeof entry.logEvent === 'number' ? { logEvent: entry.logEvent } : {};
}

/**
 * Splits the events into the ones to send, as JSON (each within EventBridge's bounds, so its JSON
 * can be written), and the ones rejected here: lines that were not JSON, events too large or deep.
 */
function prepare(entries: EventEntry[]): { sendable: Sendable[]; rejected: ReplayReport['rejected'] } {
  const sendable: Sendable[] = [];
  const rejected: ReplayReport['rejected'] = [];
  for (const entry of entries) {
    if ('error' in entry) {
      rejected.push({ event: entry.index, reason: safeReason(entry.error), raw: entry.text });
      continue;
    }
    try {
      checkEventBounds(entry.event);
      sendable.push({ index: entry.index, event: entry.event, json: JSON.stringify(entry.event) ?? 'null' });
    } catch (error) {
      rejected.push({ event: entry.index, reason: safeReason((error as Error).message), raw: entry.event });
    }
  }
  return { sendable, rejected };
}

/** Batches whose JSON array body fits the route's limit. */
function batches(sendable: Sendable[]): Sendable[][] {
  const all: Sendable[][] = [];
  let current: Sendable[] = [];
  let size = 2;
  for (const item of sendable) {
    const bytes = Buffer.byteLength(item.json) + 1;
    if (current.length > 0 && size + bytes > LOCAL_EVENTS_MAX_BODY_BYTES) {
      all.push(current);
      current = [];
      size = 2;
    }
    current.push(item);
    size += bytes;
  }
  if (current.length > 0) all.push(current);
  return all;
}

async function post(batch: Sendable[], url: string, token: string): Promise<RemoteReport> {
  let response: Response;
  try {
    response = await fetch(new URL(LOCAL_EVENTS_PATH, url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: `[${batch.map((item) => item.json).join(',')}]`,
    });
  } catch (error) {
    throw new UsageError(
      `cannot reach ${url} (${safeReason(String((error as Error).cause ?? (error as Error).message), 200)}): is customs start running?`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as RemoteReport;
  if (!response.ok)
    throw new UsageError(
      `${url} answered ${response.status}: ${safeReason(body.error?.message ?? 'no reason given', 300)}`,
    );
  return body;
}

/**
 * Sends events to a running `customs start` (its local `POST /local/events` route, behind the
 * bearer token), in batches that fit the route's 4 MiB body limit, and returns the report with
 * each event's index in the file. Lines that were not JSON, and events over EventBridge's size or
 * nesting limits, are rejected here without being sent.
 * @example const report = await replayRemote(entries, 'http://127.0.0.1:4000', token);
 */
export async function replayRemote(
  entries: EventEntry[],
  url: string,
  token: string | undefined,
): Promise<ReplayReport> {
  if (!token)
    throw new UsageError('replay --to needs the token customs start printed: --token T or CUSTOMS_API_TOKEN');
  const { sendable, rejected } = prepare(entries);
  const report: ReplayReport = { changes: [], unchanged: [], ignored: [], rejected };
  for (const batch of batches(sendable)) {
    const body = await post(batch, url, token);
    const original = (index: number) => batch[index]?.index ?? -1;
    report.changes.push(
      ...(body.changes ?? []).map((change) => ({ ...change, event: original(change.event) })),
    );
    report.unchanged.push(
      ...(body.unchanged ?? []).map((entry) => ({
        event: original(entry.event),
        ...logEventOf(entry),
        refs: (entry.refs ?? []).map((ref) => safeReason(String(ref), 200)),
        reason: safeReason(String(entry.reason)),
      })),
    );
    report.ignored.push(
      ...(body.ignored ?? []).map((entry) => ({
        event: original(entry.event),
        ...logEventOf(entry),
        reason: safeReason(String(entry.reason)),
      })),
    );
    report.rejected.push(
      ...(body.rejected ?? []).map((entry) => ({
        event: original(entry.event),
        ...logEventOf(entry),
        reason: safeReason(String(entry.reason)),
        raw: batch[entry.event]?.event,
      })),
    );
  }
  report.rejected.sort((a, b) => a.event - b.event);
  return report;
}
