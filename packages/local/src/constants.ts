/**
 * The local stack's own route, outside the deployed API: events for the local bus, posted by
 * `customs replay --to` and answered by `withLocalEvents`.
 */
export const LOCAL_EVENTS_PATH = '/local/events';

/** The largest body `POST /local/events` takes: 4 MiB, a batch of events of up to 256 KB each. */
export const LOCAL_EVENTS_MAX_BODY_BYTES = 4 * 1024 * 1024;
