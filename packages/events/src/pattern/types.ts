/** A JSON scalar as it appears in an event or as an exact value in a pattern. */
export type EventPatternValue = string | number | boolean | null;

/** `{"equals-ignore-case": "..."}` nested in `prefix` or `suffix`. */
export interface IgnoreCaseOperand {
  readonly 'equals-ignore-case': string;
}

/** The operand forms `anything-but` accepts. */
export type AnythingButOperand =
  | string
  | number
  | readonly string[]
  | readonly number[]
  | { readonly prefix: string }
  | { readonly suffix: string }
  | { readonly 'equals-ignore-case': string | readonly string[] }
  | { readonly wildcard: string | readonly string[] };

/** One content filter (an object inside a leaf array). */
export type ContentFilter =
  | { readonly prefix: string | IgnoreCaseOperand }
  | { readonly suffix: string | IgnoreCaseOperand }
  | { readonly 'equals-ignore-case': string }
  | { readonly wildcard: string }
  | { readonly 'anything-but': AnythingButOperand }
  | { readonly numeric: readonly (string | number)[] }
  | { readonly exists: boolean }
  | { readonly cidr: string };

/** What a leaf array holds: exact values and content filters, matched with OR. */
export type PatternMatcher = EventPatternValue | ContentFilter;

/**
 * An EventBridge event pattern: fields are ANDed, a leaf array lists alternatives, a nested object
 * descends into the event, and `$or` lists alternative sets of fields.
 */
export interface EventPattern {
  readonly [field: string]: readonly PatternMatcher[] | EventPattern | readonly EventPattern[];
}

/** A compiled pattern: true when the event matches. */
export type EventPredicate = (event: unknown) => boolean;
