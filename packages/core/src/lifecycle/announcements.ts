import type { Severity } from '../types/common.js';
import type { FindingInUse } from '../types/finding.js';
import { baseStateOf, type LifecyclePosition } from './states.js';
import type { Transition } from './transitions.js';

/**
 * What the fan-out (Slack, EventBridge "Finding Changed") announces: a finding `opened`,
 * `reopened`, `suppressed` or `resolved`, the `severity-changed` of an open one, or `now-in-use`:
 * an open image finding whose image starts running (its `inUse` goes from none to some). Everything
 * else a finding goes through (a new message, an error over an open failure, a passing finding
 * stored) is announced to no one.
 */
export const ANNOUNCEMENTS = [
  'opened',
  'reopened',
  'suppressed',
  'resolved',
  'severity-changed',
  'now-in-use',
] as const;

/** An announcement (ANNOUNCEMENTS). */
export type Announcement = (typeof ANNOUNCEMENTS)[number];

/** What deciding an announcement reads of a finding: its lifecycle position, severity and `inUse`. */
export interface AnnouncedPosition extends LifecyclePosition {
  severity: Severity;
  inUse?: FindingInUse;
}

const running = (position: AnnouncedPosition | undefined) => (position?.inUse?.running ?? 0) > 0;

/**
 * What a written change announces, or nothing: the lifecycle changes as they are named, and a
 * severity change of a finding open before and after (through errors: an ERROR over an open
 * failure is still open), and `now-in-use` when an open (updated, not errored) finding's image starts
 * running, whatever else changed with it. Decided by the store when it writes the change (`before` is what it read,
 * `after` what it writes), so the stream filter and the fan-out only read it.
 * @example announcementOf('updated', { state: 'OPEN', severity: 'high' }, { state: 'OPEN', severity: 'critical' }) // 'severity-changed'
 */
export function announcementOf(
  transition: Transition,
  before: AnnouncedPosition | undefined,
  after: AnnouncedPosition,
): Announcement | undefined {
  switch (transition) {
    case 'opened':
    case 'reopened':
    case 'suppressed':
    case 'resolved':
      return transition;
    case 'updated':
    case 'errored': {
      const open = baseStateOf(before) === 'OPEN' && baseStateOf(after) === 'OPEN';
      if (open && transition === 'updated' && !running(before) && running(after)) return 'now-in-use';
      return open && before?.severity !== after.severity ? 'severity-changed' : undefined;
    }
    default:
      return undefined;
  }
}
