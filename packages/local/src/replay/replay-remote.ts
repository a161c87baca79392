import { UsageError } from '../cli/errors.js';
import { LOCAL_EVENTS_PATH } from '../start/local-events-route.js';
import type { EventEntry } from './read-events.js';
import type { ReplayReport } from './replay-events.js';

/**
 * Sends events to a running `customs start` (its local `POST /local/events` route, behind the
 * bearer token) and returns its report; lines that were not JSON are reported as rejected here,
 * with their index in the file.
 * @example const report = await replayRemote(entries, 'http://127.0.0.1:4000', token);
 */
export async function replayRemote(
  entries: EventEntry[],
  url: string,
  token: string | undefined,
): Promise<ReplayReport> {
  if (!token)
    throw new UsageError('replay --to needs the token customs start printed: --token T or CUSTOMS_API_TOKEN');
  const sendable = entries.filter((entry): entry is { index: number; event: unknown } => 'event' in entry);
  let response: Response;
  try {
    response = await fetch(new URL(LOCAL_EVENTS_PATH, url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(sendable.map((entry) => entry.event)),
    });
  } catch (error) {
    throw new UsageError(
      `cannot reach ${url} (${(error as Error).cause ?? (error as Error).message}): is customs start running?`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as {
    error?: { message?: string };
  } & Partial<ReplayReport>;
  if (!response.ok)
    throw new UsageError(`${url} answered ${response.status}: ${body.error?.message ?? 'no reason given'}`);
  const original = (index: number) => sendable[index]?.index ?? index;
  return {
    changes: (body.changes ?? []).map((change) => ({ ...change, event: original(change.event) })),
    ignored: (body.ignored ?? []).map((entry) => ({ ...entry, event: original(entry.event) })),
    rejected: [
      ...entries.flatMap((entry) =>
        'error' in entry ? [{ event: entry.index, reason: entry.error, raw: entry.text }] : [],
      ),
      ...(body.rejected ?? []).map((entry) => ({
        ...entry,
        event: original(entry.event),
        raw: sendable[entry.event]?.event,
      })),
    ],
  };
}
