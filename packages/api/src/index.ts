export { requireBearerToken } from './auth/bearer-token.js';
export type { ApiDependencies, SweepStarted } from './dependencies.js';
export { type ApiHandler, createApiHandler } from './handler.js';
export { ApiError } from './http/api-error.js';
export { MAX_BODY_BYTES } from './http/parse-input.js';
export { matchRoute } from './router/match-route.js';
export type { Route } from './router/route.js';
export { ROUTES } from './routes/index.js';
export { postureOf } from './routes/summary-route.js';
