import { InvalidCursorError } from './errors.js';

/** Where a query stopped: the query's scope, the partition of its plan and the key to start after. */
export interface CursorPosition {
  scope: string;
  partition: number;
  key?: Record<string, string>;
}

/**
 * Encodes a position as base64url JSON. Opaque to callers; the API signs it.
 * @example encodeCursor({ scope: 'byStatus', partition: 0, key: { PK: 'F#1', SK: 'FINDING' } });
 */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.scope, position.partition, position.key ?? null])).toString(
    'base64url',
  );
}

/**
 * Decodes a cursor of `scope`; throws InvalidCursorError for anything else.
 * @example decodeCursor(page.cursor, 'byStatus');
 */
export function decodeCursor(cursor: string, scope: string): CursorPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('The cursor is not one this store issued');
  }
  if (!Array.isArray(decoded) || decoded.length !== 3)
    throw new InvalidCursorError('The cursor is malformed');
  const [cursorScope, partition, key] = decoded as unknown[];
  if (cursorScope !== scope) throw new InvalidCursorError('The cursor belongs to another query');
  if (typeof partition !== 'number' || !Number.isInteger(partition) || partition < 0) {
    throw new InvalidCursorError('The cursor is malformed');
  }
  if (key === null) return { scope, partition };
  if (typeof key !== 'object' || Object.values(key as object).some((value) => typeof value !== 'string')) {
    throw new InvalidCursorError('The cursor is malformed');
  }
  return { scope, partition, key: key as Record<string, string> };
}
