import { EKS_READER, K8S_READER } from '@customs/aws';
import { createEventHandler } from './event-handler.js';
import { reading } from './runtime/lambda-dependencies.js';

/** EKS, and Kubernetes for a deleted cluster's `k8s-cluster` ref (packages/events cloudtrail-eks). */
const readers = { services: { eks: EKS_READER, k8s: K8S_READER } };

/** Lambda entry point: EKS events routed by the `customs-eks` rule (packages/events). */
export const handler = createEventHandler('on-eks-event', reading(readers));
