import { ANNOUNCEMENTS, type Announcement, announcementOf } from '@customs/core';
import type { StoredFinding, Transition } from './model.js';

/**
 * The attributes a finding item carries about the change that wrote it: `transition` (core's
 * lifecycle vocabulary) and, when the fan-out announces the change, `notify` (core's
 * `Announcement`), and `sweepRun` when a sweep wrote it (sweep-runs.ts). The stream's filter and
 * the fan-out read them instead of comparing the old and new images. They describe a write, not the finding: never part of a StoredFinding.
 */
export const CHANGE_ATTRIBUTES = ['transition', 'notify', 'sweepRun'] as const;

/** The change attributes of one finding write. */
export interface ChangeMarks {
  transition: Transition;
  notify?: Announcement;
}

/**
 * The change attributes of writing `next` over `previous` (what was read) with `transition`;
 * `quietInUse`: an image that starts running is announced once, on its most severe failing finding,
 * so its other findings' `now-in-use` is not marked.
 * @example changeMarks(open, { ...open, severity: 'critical', version: 2 }, 'updated') // { transition: 'updated', notify: 'severity-changed' }
 */
export function changeMarks(
  previous: StoredFinding | undefined,
  next: StoredFinding,
  transition: Transition,
  quietInUse = false,
): ChangeMarks {
  const notify = announcementOf(transition, previous, next);
  if (notify === 'now-in-use' && quietInUse) return { transition };
  return notify === undefined ? { transition } : { transition, notify };
}

/**
 * The stream-record pattern (EventBridge/Lambda filter syntax) of a finding item's write that the
 * fan-out announces: a new image with `SK = FINDING` and a `notify` mark. The deployed stream
 * filter (infra/stream-filter.ts) and `customs start`'s local poller both use it; history entries,
 * counters, outbox items, suppressions, evaluation records and removals never match.
 * @example new StreamPoller({ ...dynamo, handler, filters: [ANNOUNCED_FINDING_WRITES] });
 */
export const ANNOUNCED_FINDING_WRITES = {
  eventName: ['INSERT', 'MODIFY'],
  dynamodb: {
    Keys: { SK: { S: ['FINDING'] } },
    NewImage: { notify: { S: [...ANNOUNCEMENTS] } },
  },
};
