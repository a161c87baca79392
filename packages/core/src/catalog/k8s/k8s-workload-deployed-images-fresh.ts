import { defineCheck } from '../../check/define-check.js';
import { judgeFresh } from '../../image/deployed-images.js';
import { DEPLOYED_READS, k8sDeployedOutcome } from './deployed-images.js';

/**
 * Kubernetes workloads run images pushed within imageMaxAgeDays whose tag still points at them: judged on what runs (CHECKS.md, "Deployed images"), by the shared `judgeFresh`.
 */
export const k8sWorkloadDeployedImagesFresh = defineCheck({
  id: 'k8s-workload-deployed-images-fresh',
  title: 'Kubernetes workloads run images pushed within imageMaxAgeDays whose tag still points at them',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-3',
  severity: 'medium',
  rationale:
    'An old image misses every base-image fix since it was built, and a tag moved under a running deployment (drift) means new tasks or pods start different code than the one running and approved.',
  remediation: {
    text: 'Rebuild the image, push it, and roll the deployment out to the new digest; pin the digest (or use IMMUTABLE tags) so the tag cannot move under it.',
    cli: 'kubectl set image deployment/<name> -n <namespace> <container>=<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<digest>',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: 111122223333.dkr.ecr.us-west-2.amazonaws.com/app@sha256:<approved digest>',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
  },
  mappings: {},
  reads: DEPLOYED_READS,
  evaluate(workload, context) {
    return k8sDeployedOutcome(workload, judgeFresh, context, {
      fail: 'stale or drifted images',
      pass: 'fresh images whose tag has not moved',
    });
  },
});
