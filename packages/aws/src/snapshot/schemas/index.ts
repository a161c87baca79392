export { accountFile } from './common.js';
export * as ec2 from './ec2.js';
export * as ecr from './ecr.js';
export * as ecs from './ecs.js';
export * as eks from './eks.js';
export * as iam from './iam.js';
export * as inspector2 from './inspector2.js';
export * as k8s from './k8s.js';
