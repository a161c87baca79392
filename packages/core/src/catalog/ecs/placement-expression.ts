import type { EcsPlacementConstraint } from '../../types/ecs.js';

/** ECS accepts placement expressions up to 2,000 characters; anything longer is not read. */
const MAX_EXPRESSION_LENGTH = 2000;
/** Characters that start another term of the cluster query language (operators, lists, grouping). */
const NOT_IN_VALUE = new Set(['=', '!', '<', '>', '~', '(', ')', '[', ']', ',', ' ', '\t', '\n', '\r']);

/**
 * The value a `memberOf` constraint pins the attribute `key` to, when its expression is exactly
 * `attribute:<key> == <value>` (spaces around `==` optional); undefined for anything else —
 * another attribute, another operator, a compound `and`/`or` expression — which Customs does not
 * read (the cluster query language is parsed only this far, in one linear pass, no regex).
 * @example pinnedValue({ type: 'memberOf', expression: 'attribute:customs.io/security-context == web' }, 'customs.io/security-context') // 'web'
 */
export function pinnedValue(constraint: EcsPlacementConstraint, key: string): string | undefined {
  const expression = constraint.expression;
  if (constraint.type !== 'memberOf' || expression === undefined) return undefined;
  if (expression.length > MAX_EXPRESSION_LENGTH) return undefined;
  const equals = expression.indexOf('==');
  if (equals < 0) return undefined;
  const left = expression.slice(0, equals).trim();
  const value = expression.slice(equals + 2).trim();
  if (left !== `attribute:${key}` || value.length === 0) return undefined;
  for (const character of value) if (NOT_IN_VALUE.has(character)) return undefined;
  return value;
}
