import { defineCheck } from '../../check/define-check.js';
import { judgeSigned } from '../../image/deployed-images.js';
import { DEPLOYED_READS, k8sDeployedOutcome } from './deployed-images.js';

/**
 * Kubernetes workloads run only signed images (ECR managed signing, Notation or Sigstore): judged on what runs (CHECKS.md, "Deployed images"), by the shared `judgeSigned`.
 */
export const k8sWorkloadDeployedImagesSigned = defineCheck({
  id: 'k8s-workload-deployed-images-signed',
  title: 'Kubernetes workloads run only signed images (ECR managed signing, Notation or Sigstore)',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-3',
  severity: 'high',
  rationale:
    'An unsigned image that runs may not come from the approved build pipeline: a compromised push credential or a mirror swap runs in production with nothing to tell it from an approved build.',
  remediation: {
    text: 'Sign the image in ECR (ECR managed signing with an AWS Signer profile, or Notation or cosign referrers), deploy the signed digest, and enforce signatures at admission.',
    cli: 'kubectl set image deployment/<name> -n <namespace> <container>=<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<digest>',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: 111122223333.dkr.ecr.us-west-2.amazonaws.com/app@sha256:<approved digest>',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/managed-signing.html',
  },
  mappings: {},
  reads: DEPLOYED_READS,
  evaluate(workload, context) {
    return k8sDeployedOutcome(workload, judgeSigned, context, {
      fail: 'unsigned images',
      pass: 'signed images',
    });
  },
});
