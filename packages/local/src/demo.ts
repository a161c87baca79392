import { fileURLToPath } from 'node:url';

/** The demo account snapshot shipped with Customs (Brightwater Payments' production account). */
export const DEMO_SNAPSHOT = fileURLToPath(new URL('../snapshots/demo/', import.meta.url));

/** The demo's second, small account: Brightwater Payments' staging account (555566667777). */
export const DEMO_STAGING_SNAPSHOT = fileURLToPath(new URL('../snapshots/demo-staging/', import.meta.url));

/** The demo's accounts, the home (production) account first: what `customs start` runs by default. */
export const DEMO_SNAPSHOTS: readonly string[] = [DEMO_SNAPSHOT, DEMO_STAGING_SNAPSHOT];
