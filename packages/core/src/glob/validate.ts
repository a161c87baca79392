/** The longest pattern a suppression may store (POST /suppressions, `resourcePattern`), in UTF-16 code units. */
export const MAX_GLOB_PATTERN_LENGTH = 1024;

/**
 * What is wrong with a user's glob pattern, or undefined when nothing is: empty, longer than
 * `maxLength` (UTF-16 code units, as JSON Schema's `maxLength` and DynamoDB count), or holding a
 * control character or a lone surrogate (no resource id has either). Matching is linear whatever
 * the pattern (see `Glob`); the bound keeps what is stored, and matched on every write, small.
 * @example globPatternProblem('arn:aws:ecr:*:repository/sandbox/*'); // undefined
 * @example globPatternProblem('*'.repeat(2000)); // 'is 2000 characters long; at most 1024'
 */
export function globPatternProblem(
  pattern: string,
  maxLength: number = MAX_GLOB_PATTERN_LENGTH,
): string | undefined {
  if (pattern.length === 0) return 'is empty';
  if (pattern.length > maxLength) return `is ${pattern.length} characters long; at most ${maxLength}`;
  for (let index = 0; index < pattern.length; index += 1) {
    const unit = pattern.charCodeAt(index);
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) {
      return `holds the control character U+${unit.toString(16).toUpperCase().padStart(4, '0')} at ${index + 1}`;
    }
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = pattern.charCodeAt(index + 1);
      if (unit > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff))
        return `holds a lone surrogate at ${index + 1}`;
      index += 1;
    }
  }
  return undefined;
}
