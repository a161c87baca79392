export { type ApiServer, type ApiServerOptions, startApiServer } from './api-server.js';
export { localSweepStarter } from './local-sweep.js';
export { toHttpApiEvent } from './to-event.js';
export { writeHttpApiResult } from './write-result.js';
