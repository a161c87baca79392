import { readFile } from 'node:fs/promises';
import { UsageError } from '../cli/errors.js';

/** One entry of an events file: the event, or why it could not be read. */
export type EventEntry = { index: number; event: unknown } | { index: number; error: string; text: string };

/**
 * Reads EventBridge events from a file holding a JSON array or JSON lines (one event per line).
 * A line that is not JSON becomes an entry with its error, so it is rejected and the rest still
 * replays; a file that is neither form is a usage error.
 * @example const entries = await readEventsFile('events.jsonl');
 */
export async function readEventsFile(path: string): Promise<EventEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read the events file ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const events = JSON.parse(trimmed) as unknown[];
      return events.map((event, index) => ({ index, event }));
    } catch (error) {
      throw new UsageError(
        `${path} starts like a JSON array but is not valid JSON: ${(error as Error).message}`,
      );
    }
  }
  return parseJsonLines(trimmed, path);
}

function parseJsonLines(text: string, path: string): EventEntry[] {
  if (text === '') return [];
  // A single pretty-printed event (as AWS documents them) is one event, not many lines.
  if (text.startsWith('{')) {
    try {
      return [{ index: 0, event: JSON.parse(text) }];
    } catch {
      // not one object: read as JSON lines below
    }
  }
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const entries = lines.map((line, index): EventEntry => {
    try {
      return { index, event: JSON.parse(line) };
    } catch (error) {
      return { index, error: `line ${index + 1} is not JSON: ${(error as Error).message}`, text: line };
    }
  });
  if (entries.every((entry) => 'error' in entry)) {
    throw new UsageError(`${path} holds neither a JSON array of events nor JSON lines`);
  }
  return entries;
}
