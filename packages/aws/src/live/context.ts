import type { Scope } from '../normalise/wire.js';
import type { LiveSession } from './session.js';

/** What the live readers share during one collect call. */
export interface LiveContext {
  session: LiveSession;
  scope: Scope;
}
