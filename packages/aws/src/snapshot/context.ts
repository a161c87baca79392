import { type Unreadable, unreadable } from '../normalise/unreadable.js';
import type { Scope } from '../normalise/wire.js';
import type { ReadSession } from './read-session.js';

/** What the per-service readers share during one collect call. */
export interface ReadContext {
  session: ReadSession;
  scope: Scope;
}

/** Why an account- or region-wide file that is not in the snapshot is unknown. */
export function notInSnapshot(path: string): Unreadable {
  return unreadable(`not in the snapshot: ${path}`);
}
