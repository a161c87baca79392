import type { AnyCheck } from '../../check/define-check.js';

/** The ECR checks (registry, repositories, images). */
export const ECR_CHECKS: AnyCheck[] = [];
