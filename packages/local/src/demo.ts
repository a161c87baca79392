import { fileURLToPath } from 'node:url';

/** The demo account snapshot shipped with Customs (Brightwater Payments). */
export const DEMO_SNAPSHOT = fileURLToPath(new URL('../snapshots/demo/', import.meta.url));
