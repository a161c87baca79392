export type * from './common.js';
export type * from './finding.js';
export type * from './policy.js';
export type * from './resource.js';
export type * from './resource-ref.js';
