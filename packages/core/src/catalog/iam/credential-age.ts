const DAY_MS = 86_400_000;

/**
 * Whole days elapsed from `since` to `now` (never negative, so a timestamp slightly in the
 * future reads as 0 days).
 * @example daysSince(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-31T12:00:00Z')) // 30
 */
export function daysSince(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}

/**
 * Names an access key in a message: its id, else its position among the user's keys.
 * @example accessKeyLabel({ id: 'AKIAIOSFODNN7EXAMPLE' }, 0) // 'access key AKIAIOSFODNN7EXAMPLE'
 */
export function accessKeyLabel(key: { id?: string }, index: number): string {
  return key.id ? `access key ${key.id}` : `access key #${index + 1}`;
}
