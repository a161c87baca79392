import type { Route } from '../router/route.js';
import { checksRoute } from './checks-route.js';
import { findingHistory, getFinding, listFindings, resourceFindings } from './findings-routes.js';
import { healthRoute } from './health-route.js';
import { openApiRoute } from './openapi-route.js';
import { postureHistoryRoute } from './posture-history-route.js';
import { summaryRoute } from './summary-route.js';
import { createSuppression, deleteSuppression, listSuppressions } from './suppressions-routes.js';
import { getSweepRoute, startSweepRoute } from './sweeps-route.js';

/** Every route of the API (DESIGN.md, "HTTP API"), in the order the OpenAPI document lists them. */
export const ROUTES: readonly Route[] = [
  listFindings,
  getFinding,
  findingHistory,
  resourceFindings,
  summaryRoute,
  postureHistoryRoute,
  checksRoute,
  listSuppressions,
  createSuppression,
  deleteSuppression,
  startSweepRoute,
  getSweepRoute,
  healthRoute,
  openApiRoute(() => ROUTES),
];
