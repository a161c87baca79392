/** State that could not be read (access denied, not recorded), with the reason. */
export interface Unreadable {
  unreadable: string;
}

/** A normaliser input: the response, `undefined` for the service's not-found, or why it is unknown. */
export type Known<T> = T | Unreadable | undefined;

/**
 * Marks an input as unknown.
 * @example unreadable('AccessDenied: ecr:GetLifecyclePolicy')
 */
export function unreadable(reason: string): Unreadable {
  return { unreadable: reason };
}

/** Is this input unknown rather than read? */
export function isUnreadable(value: unknown): value is Unreadable {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Unreadable>).unreadable === 'string'
  );
}

/** State a snapshot does not hold: the file that is missing, named in the reason. */
export interface NotRecorded extends Unreadable {
  notRecorded: string;
}

/**
 * Marks an input as unknown because the snapshot has no file for it.
 * @example notRecorded('ec2/DescribeSubnets.json') // { unreadable: 'not in the snapshot: ec2/DescribeSubnets.json', notRecorded: 'ec2/DescribeSubnets.json' }
 */
export function notRecorded(path: string): NotRecorded {
  return { unreadable: `not in the snapshot: ${path}`, notRecorded: path };
}

/** Is this input unknown because the snapshot has no file for it (rather than denied or failed)? */
export function isNotRecorded(value: unknown): value is NotRecorded {
  return isUnreadable(value) && typeof (value as Partial<NotRecorded>).notRecorded === 'string';
}

/** Collects `unreadable` reasons by property; returns undefined when everything was read. */
export class UnreadableProperties {
  readonly #reasons: Record<string, string> = {};

  /** Records that `property` could not be read because of `reason`. */
  add(property: string, reason: string): void {
    this.#reasons[property] = reason;
  }

  /** The reasons, or undefined when there are none (so the property can be left off). */
  get record(): Record<string, string> | undefined {
    return Object.keys(this.#reasons).length > 0 ? { ...this.#reasons } : undefined;
  }
}

/** Spreads `{ unreadable }` into a resource only when something was unreadable. */
export function withUnreadable(properties: UnreadableProperties): { unreadable?: Record<string, string> } {
  const record = properties.record;
  return record ? { unreadable: record } : {};
}
