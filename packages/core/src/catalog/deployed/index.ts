import { judgeFresh, judgeInEcr, judgeScanned, judgeSigned } from '../../image/deployed-images.js';
import { deployedImageChecks } from './deployed-image-checks.js';

/**
 * The deployed-image checks (CSA-3: what runs is what was approved, CHECKS.md "Deployed
 * images"): four judgements, each made for ECS task definitions in use and Kubernetes workloads.
 */

/** Scanned in ECR within maxCritical / maxHigh (`judgeScanned`). */
export const SCANNED = deployedImageChecks({
  suffix: 'scanned',
  claim: 'run only images scanned in ECR within the vulnerability allowance',
  severity: 'high',
  rationale:
    'CSA-3 asks that only secure images be deployed: an image that runs without a finished ECR scan, or with more critical or high vulnerabilities than allowed, puts known exploitable code in production whatever the registry checks say of images nobody runs.',
  fix: "Roll out an image that was scanned in this account's ECR (basic COMPLETE or enhanced ACTIVE) and has no more CRITICAL and HIGH findings than maxCritical and maxHigh: rebuild on a patched base image, push, and deploy its digest.",
  revisionWith: 'the scanned image digest',
  url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
  judge: judgeScanned,
  words: {
    fail: 'images not scanned or over the vulnerability allowance',
    pass: 'scanned images within the allowance',
    trusted: 'skip',
  },
});

/** Signed: ECR managed signing, Notation or Sigstore referrers (`judgeSigned`). */
export const SIGNED = deployedImageChecks({
  suffix: 'signed',
  claim: 'run only signed images (ECR managed signing, Notation or Sigstore)',
  severity: 'high',
  rationale:
    'An unsigned image that runs may not come from the approved build pipeline: a compromised push credential or a mirror swap runs in production with nothing to tell it from an approved build.',
  fix: 'Sign the image in ECR (ECR managed signing with an AWS Signer profile, or Notation or cosign referrers), deploy the signed digest, and enforce signatures at admission.',
  revisionWith: 'the signed image digest',
  url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/managed-signing.html',
  judge: judgeSigned,
  words: { fail: 'unsigned images', pass: 'signed images', trusted: 'skip' },
});

/** Pushed within imageMaxAgeDays, and the deployed tag not moved (`judgeFresh`). */
export const FRESH = deployedImageChecks({
  suffix: 'fresh',
  claim: 'run images pushed within imageMaxAgeDays whose tag still points at them',
  severity: 'medium',
  rationale:
    'An old image misses every base-image fix since it was built, and a tag moved under a running deployment (drift) means new tasks or pods start different code than the one running and approved.',
  fix: 'Rebuild the image, push it, and roll the deployment out to the new digest; pin the digest (or use IMMUTABLE tags) so the tag cannot move under it.',
  revisionWith: 'the rebuilt image digest',
  url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
  judge: judgeFresh,
  words: { fail: 'stale or drifted images', pass: 'fresh images whose tag has not moved', trusted: 'skip' },
});

/** Still in ECR: a running image deleted from its repository fails (`judgeInEcr`). */
export const IN_ECR = deployedImageChecks({
  suffix: 'in-ecr',
  claim: 'do not run images deleted from ECR',
  severity: 'high',
  rationale:
    'An image that still runs after it was deleted from ECR can no longer be scanned, signed-checked or pulled again: the next task or pod start fails, and nothing watches the code that runs.',
  fix: 'Roll the deployment out to an image that is in ECR (push the image again or deploy a current digest), and make the lifecycle policy keep images that run.',
  revisionWith: 'an image in ECR',
  url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html',
  judge: judgeInEcr,
  words: { fail: 'images deleted from ECR', pass: 'images still in ECR', trusted: 'ok' },
});
