import type { RECOMMENDATIONS, RESOURCE_TYPES, SEVERITIES, STATUSES } from '../constants.js';

export type ResourceType = (typeof RESOURCE_TYPES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export type Status = (typeof STATUSES)[number];
