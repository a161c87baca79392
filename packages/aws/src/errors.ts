import { CustomsError, type ResourceRef, safeText } from '@customs/core';

/**
 * A snapshot that cannot be read: a missing directory, a file that is not JSON, or a body of
 * the wrong shape (input). The message names the file (relative to the snapshot directory) and the field.
 */
export class SnapshotError extends CustomsError {
  override name = 'SnapshotError';

  constructor(message: string) {
    super('input', message);
  }
}

/** One ref that could not be read, and why. */
export interface RefFailure {
  ref: ResourceRef;
  error: unknown;
}

function describeFailure({ ref, error }: RefFailure): string {
  const name = `${ref.type} ${ref.parent ? `${ref.parent}/` : ''}${ref.name}`;
  const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `${safeText(name, { maxLength: 200 })}: ${safeText(why, { maxLength: 300 })}`;
}

/**
 * Some refs of one collect call could not be read (a snapshot file that is not JSON, a service
 * error the collector does not turn into state). Every ref was settled first, so no read is left
 * failing unobserved; the message names each failed ref (bounded, control-escaped).
 * @example if (error instanceof RefReadError) for (const { ref } of error.failures) console.log(ref.name);
 */
export class RefReadError extends CustomsError {
  override name = 'RefReadError';
  readonly failures: readonly RefFailure[];

  constructor(failures: readonly RefFailure[], total: number) {
    const shown = failures.slice(0, 5).map(describeFailure).join('; ');
    const more = failures.length > 5 ? `; and ${failures.length - 5} more` : '';
    super('internal', `${failures.length} of ${total} ref(s) could not be read: ${shown}${more}`);
    this.failures = failures;
  }
}

/**
 * A cluster's Kubernetes API cannot be asked at all: DescribeCluster gives no endpoint or
 * certificate authority (a cluster still CREATING), or `GET /version` is not found (not a
 * Kubernetes API). The live session turns it into `unreadable`, as a KubernetesApiError.
 */
export class KubernetesEndpointError extends CustomsError {
  override name = 'KubernetesEndpointError';

  constructor(message: string) {
    super('not-found', message);
  }
}
