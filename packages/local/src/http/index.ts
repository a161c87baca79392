export { type ApiServer, startApiServer } from './api-server.js';
export { localSweepStarter } from './local-sweep.js';
export { SweepRegistry } from './sweep-registry.js';
