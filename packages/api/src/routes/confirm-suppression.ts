/** The most open findings one suppression covers without `"confirm": true`, by default (core config). */
export const DEFAULT_MAX_SUPPRESSION_MATCHES = 50;

/**
 * Why a suppression needs `"confirm": true`, or `undefined` when it does not: a `resourcePattern`
 * of only `*` (every resource), or more than `max` open findings covered. Both POST /suppressions
 * and `scan --suppressions` ask it, so one rule decides.
 * @example confirmationNeeded({ resourcePattern: '*' }, 61, 50) // 'resourcePattern * covers every resource (61 open findings) …'
 */
export function confirmationNeeded(
  request: { resourcePattern?: string | undefined },
  matches: number,
  max: number,
): string | undefined {
  const pattern = request.resourcePattern;
  const everything = pattern !== undefined && pattern.length > 0 && [...pattern].every((c) => c === '*');
  const noun = `${matches} open finding${matches === 1 ? '' : 's'}`;
  if (everything)
    return `resourcePattern ${pattern} covers every resource (${noun} now); add "confirm": true to mean it`;
  if (matches > max) {
    return `it covers ${noun}, more than maxSuppressionMatches (${max}); add "confirm": true to suppress them all, or narrow checkId/resourcePattern`;
  }
  return undefined;
}
