/** The longest pattern a suppression may store (POST /suppressions, `resourcePattern`). */
export const MAX_GLOB_PATTERN_LENGTH = 1024;

/**
 * What is wrong with a user's glob pattern, or undefined when nothing is: empty, longer than
 * `maxLength` characters (code points), or holding a control character (no resource id has one).
 * Matching is linear whatever the pattern (see `Glob`); the bound keeps stored patterns small.
 * @example globPatternProblem('arn:aws:ecr:*:repository/sandbox/*'); // undefined
 * @example globPatternProblem('*'.repeat(2000)); // 'is 2000 characters long; at most 1024'
 */
export function globPatternProblem(
  pattern: string,
  maxLength: number = MAX_GLOB_PATTERN_LENGTH,
): string | undefined {
  let length = 0;
  for (const character of pattern) {
    length += 1;
    const point = character.codePointAt(0) as number;
    if (point < 0x20 || (point >= 0x7f && point <= 0x9f)) {
      return `holds the control character U+${point.toString(16).toUpperCase().padStart(4, '0')} at ${length}`;
    }
  }
  if (length === 0) return 'is empty';
  if (length > maxLength) return `is ${length} characters long; at most ${maxLength}`;
  return undefined;
}
