/** A location inside a pattern: field names and array indexes from the root. */
export type PatternPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * Renders a pattern location as `$.detail["odd key"][0]` for error messages.
 * @example formatPath(['detail', 'state', 0]) // '$.detail.state[0]'
 */
export function formatPath(path: PatternPath): string {
  let text = '$';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
