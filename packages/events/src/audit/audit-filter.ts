import { CHANGING_SUBRESOURCES, CHANGING_VERBS, ROUTED_RESOURCES } from './audited-resources.js';

/** One test of a JSON filter pattern: a field (`$.a.b`) equal to a string, within a number bound, or absent. */
type Term =
  | { path: readonly string[]; equals: string }
  | { path: readonly string[]; differs: string }
  | { path: readonly string[]; atLeast: number }
  | { path: readonly string[]; atMost: number }
  | { path: readonly string[]; absent: true };

/**
 * The subscription filter, as data: every group must hold, a group holds when one of its terms
 * does. From it come both the CloudWatch Logs filter pattern ({@link AUDIT_FILTER_PATTERN}) and the
 * same test in JavaScript ({@link matchesAuditFilter}), used by the local pipeline and the tests.
 * An audit event passes when it is an `audit.k8s.io` Event (`kind`: the other streams of the log
 * group, the authenticator's and the controller manager's, write other lines, and a filter
 * pattern cannot select streams) of a write (`create`, `update`, `patch`, `delete`) of a resource
 * whose change names a ref (AUDITED_RESOURCES), on the object itself or its ephemeral containers
 * (not `status`, `scale`, `binding`…), that succeeded (a 2xx `responseStatus.code`), and is not
 * of a pod with an owner in the stored object (`responseObject.metadata.ownerReferences`: most of
 * a cluster's pod writes are its controllers' pods, each assessed through its controller; a pod
 * whose response was not logged passes, and the handler decides).
 */
export const AUDIT_FILTER: readonly (readonly Term[])[] = [
  [{ path: ['kind'], equals: 'Event' }],
  CHANGING_VERBS.map((verb) => ({ path: ['verb'], equals: verb })),
  ROUTED_RESOURCES.map((resource) => ({ path: ['objectRef', 'resource'], equals: resource })),
  [
    { path: ['objectRef', 'subresource'], absent: true },
    ...CHANGING_SUBRESOURCES.map((subresource) => ({
      path: ['objectRef', 'subresource'],
      equals: subresource,
    })),
  ],
  [{ path: ['responseStatus', 'code'], atLeast: 200 }],
  [{ path: ['responseStatus', 'code'], atMost: 299 }],
  [
    { path: ['objectRef', 'resource'], differs: 'pods' },
    { path: ['responseObject', 'metadata', 'ownerReferences'], absent: true },
  ],
];

/** The longest filter pattern PutSubscriptionFilter takes (CloudWatch Logs API reference, `filterPattern`). */
export const MAX_FILTER_PATTERN_LENGTH = 1024;

function termText(term: Term): string {
  const field = `$.${term.path.join('.')}`;
  if ('equals' in term) return `${field} = ${JSON.stringify(term.equals)}`;
  if ('differs' in term) return `${field} != ${JSON.stringify(term.differs)}`;
  if ('atLeast' in term) return `${field} >= ${term.atLeast}`;
  if ('atMost' in term) return `${field} <= ${term.atMost}`;
  return `${field} NOT EXISTS`;
}

function patternOf(filter: readonly (readonly Term[])[]): string {
  const groups = filter.map((terms) =>
    terms.length === 1 ? termText(terms[0] as Term) : `(${terms.map(termText).join(' || ')})`,
  );
  const pattern = `{ ${groups.join(' && ')} }`;
  if (pattern.length > MAX_FILTER_PATTERN_LENGTH)
    throw new Error(
      `the audit filter pattern is ${pattern.length} characters, over ${MAX_FILTER_PATTERN_LENGTH}`,
    );
  return pattern;
}

/**
 * The CloudWatch Logs JSON filter pattern of the audit log subscription (FilterAndPatternSyntax:
 * `{ $.field = "value" }`, `!=`, `||`, `&&`, numeric `>=`/`<=`, `NOT EXISTS`).
 * @example new aws.cloudwatch.LogSubscriptionFilter(name, { filterPattern: AUDIT_FILTER_PATTERN, … })
 */
export const AUDIT_FILTER_PATTERN = patternOf(AUDIT_FILTER);

/** The field at `path`, and whether it is there (an own property of an object at every step). */
function fieldAt(event: unknown, path: readonly string[]): { present: boolean; value?: unknown } {
  let current: unknown = event;
  for (const key of path) {
    if (
      current === null ||
      typeof current !== 'object' ||
      Array.isArray(current) ||
      !Object.hasOwn(current, key)
    )
      return { present: false };
    current = (current as Record<string, unknown>)[key];
  }
  return { present: true, value: current };
}

function holds(term: Term, event: unknown): boolean {
  const { present, value } = fieldAt(event, term.path);
  if ('absent' in term) return !present;
  if ('equals' in term) return value === term.equals;
  if ('differs' in term) return present && value !== term.differs;
  if (typeof value !== 'number') return false;
  return 'atLeast' in term ? value >= term.atLeast : value <= term.atMost;
}

/**
 * Whether CloudWatch Logs passes a (parsed) audit event to the subscription: the
 * {@link AUDIT_FILTER} evaluated as its pattern is.
 * @example matchesAuditFilter(JSON.parse(message)) // false for a `watch`
 */
export function matchesAuditFilter(event: unknown): boolean {
  return AUDIT_FILTER.every((terms) => terms.some((term) => holds(term, event)));
}
