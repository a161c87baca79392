import { EKS_READER, K8S_READER } from '@customs/aws';
import { createEventHandler } from './event-handler.js';
import { reading } from './runtime/lambda-dependencies.js';

/**
 * Lambda entry point: EKS events routed by the `customs-eks` rule (packages/events); reads EKS,
 * and Kubernetes for a deleted cluster's `k8s-cluster` ref.
 */
export const handler = createEventHandler(
  'on-eks-event',
  reading({ services: { eks: EKS_READER, k8s: K8S_READER } }),
);
