import { type Announcement, announcementOf } from '@customs/core';
import type { StoredFinding, Transition } from './model.js';

/**
 * The attributes a finding item carries about the change that wrote it: `transition` (core's
 * lifecycle vocabulary) and, when the fan-out announces the change, `notify` (core's
 * `Announcement`). The stream's filter and the fan-out read them instead of comparing the old and
 * new images. They describe a write, not the finding: never part of a StoredFinding.
 */
export const CHANGE_ATTRIBUTES = ['transition', 'notify'] as const;

/** The change attributes of one finding write. */
export interface ChangeMarks {
  transition: Transition;
  notify?: Announcement;
}

/**
 * The change attributes of writing `next` over `previous` (what was read) with `transition`.
 * @example changeMarks(open, { ...open, severity: 'critical', version: 2 }, 'updated') // { transition: 'updated', notify: 'severity-changed' }
 */
export function changeMarks(
  previous: StoredFinding | undefined,
  next: StoredFinding,
  transition: Transition,
): ChangeMarks {
  const notify = announcementOf(transition, previous, next);
  return notify === undefined ? { transition } : { transition, notify };
}
