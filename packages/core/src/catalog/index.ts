import { CheckRegistry } from '../check/registry.js';
import { ACCOUNT_CHECKS } from './aws/index.js';
import { ECR_CHECKS } from './ecr/index.js';
import { ECS_CHECKS } from './ecs/index.js';
import { EKS_CHECKS } from './eks/index.js';
import { IAM_CHECKS } from './iam/index.js';
import { K8S_CHECKS } from './k8s/index.js';

/** The full check catalog of CHECKS.md. */
export const CATALOG = new CheckRegistry([
  ...ECR_CHECKS,
  ...ECS_CHECKS,
  ...EKS_CHECKS,
  ...K8S_CHECKS,
  ...IAM_CHECKS,
  ...ACCOUNT_CHECKS,
]);
