export type * from './common.js';
export type * from './ecs.js';
export type * from './finding.js';
export type * from './kubernetes.js';
export type * from './policy.js';
export type * from './resource.js';
export type * from './resource-base.js';
export type * from './resource-ref.js';
