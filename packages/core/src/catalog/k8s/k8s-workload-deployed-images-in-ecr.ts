import { defineCheck } from '../../check/define-check.js';
import { judgeInEcr } from '../../image/deployed-images.js';
import { DEPLOYED_READS, k8sDeployedOutcome } from './deployed-images.js';

/**
 * Kubernetes workloads do not run images deleted from ECR: judged on what runs (CHECKS.md, "Deployed images"), by the shared `judgeInEcr`.
 */
export const k8sWorkloadDeployedImagesInEcr = defineCheck({
  id: 'k8s-workload-deployed-images-in-ecr',
  title: 'Kubernetes workloads do not run images deleted from ECR',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-3',
  severity: 'high',
  rationale:
    'An image that still runs after it was deleted from ECR can no longer be scanned, signed-checked or pulled again: the next task or pod start fails, and nothing watches the code that runs.',
  remediation: {
    text: 'Roll the deployment out to an image that is in ECR (push the image again or deploy a current digest), and make the lifecycle policy keep images that run.',
    cli: 'kubectl set image deployment/<name> -n <namespace> <container>=<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<digest>',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: 111122223333.dkr.ecr.us-west-2.amazonaws.com/app@sha256:<approved digest>',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html',
  },
  mappings: {},
  reads: DEPLOYED_READS,
  evaluate(workload, context) {
    return k8sDeployedOutcome(workload, judgeInEcr, context, {
      fail: 'images deleted from ECR',
      pass: 'images still in ECR',
    });
  },
});
