import type { AnyCheck } from '../../check/define-check.js';
import { ecrImageNoCriticalVulnerabilities } from './ecr-image-no-critical-vulnerabilities.js';
import { ecrImageNoHighVulnerabilities } from './ecr-image-no-high-vulnerabilities.js';
import { ecrImageRecentlyRebuilt } from './ecr-image-recently-rebuilt.js';
import { ecrImageScanComplete } from './ecr-image-scan-complete.js';
import { ecrImageSigned } from './ecr-image-signed.js';
import { ecrRegistryEnhancedScanning } from './ecr-registry-enhanced-scanning.js';
import { ecrRegistryPullThroughAllowlist } from './ecr-registry-pull-through-allowlist.js';
import { ecrRegistryScanOnPush } from './ecr-registry-scan-on-push.js';
import { ecrRepositoryCmkEncryption } from './ecr-repository-cmk-encryption.js';
import { ecrRepositoryLifecyclePolicy } from './ecr-repository-lifecycle-policy.js';
import { ecrRepositoryNotPublic } from './ecr-repository-not-public.js';
import { ecrRepositoryPushRestricted } from './ecr-repository-push-restricted.js';
import { ecrRepositoryScanOnPush } from './ecr-repository-scan-on-push.js';
import { ecrRepositoryTagImmutability } from './ecr-repository-tag-immutability.js';

/** The ECR checks (registry, repositories, images), in CHECKS.md order. */
export const ECR_CHECKS: AnyCheck[] = [
  ecrRegistryScanOnPush,
  ecrRegistryEnhancedScanning,
  ecrRegistryPullThroughAllowlist,
  ecrRepositoryScanOnPush,
  ecrRepositoryTagImmutability,
  ecrRepositoryLifecyclePolicy,
  ecrRepositoryCmkEncryption,
  ecrImageScanComplete,
  ecrImageNoCriticalVulnerabilities,
  ecrImageNoHighVulnerabilities,
  ecrImageSigned,
  ecrImageRecentlyRebuilt,
  ecrRepositoryNotPublic,
  ecrRepositoryPushRestricted,
];
