export {
  ANNOUNCEMENTS,
  type AnnouncedPosition,
  type Announcement,
  announcementOf,
} from './announcements.js';
export {
  type BaseState,
  baseStateOf,
  FINDING_STATES,
  type FindingState,
  isFailing,
} from './states.js';
export {
  isLifecycleChange,
  LIFECYCLE_CHANGES,
  type LifecycleChange,
  nextLifecycle,
  TRANSITIONS,
  type Transition,
} from './transitions.js';
