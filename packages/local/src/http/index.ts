export { type ApiServer, startApiServer } from './api-server.js';
export { DASHBOARD_CONFIG_PATH, sendDashboardConfig } from './dashboard-config.js';
export { localSweepStarter } from './local-sweep.js';
export { readBody } from './read-body.js';
export { SweepRegistry } from './sweep-registry.js';
