import { defineCheck } from '../../check/define-check.js';
import { judgeScanned } from '../../image/deployed-images.js';
import { DEPLOYED_READS, k8sDeployedOutcome } from './deployed-images.js';

/**
 * Kubernetes workloads run only images scanned in ECR within the vulnerability allowance: judged on what runs (CHECKS.md, "Deployed images"), by the shared `judgeScanned`.
 */
export const k8sWorkloadDeployedImagesScanned = defineCheck({
  id: 'k8s-workload-deployed-images-scanned',
  title: 'Kubernetes workloads run only images scanned in ECR within the vulnerability allowance',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-3',
  severity: 'high',
  rationale:
    'CSA-3 asks that only secure images be deployed: an image that runs without a finished ECR scan, or with more critical or high vulnerabilities than allowed, puts known exploitable code in production whatever the registry checks say of images nobody runs.',
  remediation: {
    text: "Roll out an image that was scanned in this account's ECR (basic COMPLETE or enhanced ACTIVE) and has no more CRITICAL and HIGH findings than maxCritical and maxHigh: rebuild on a patched base image, push, and deploy its digest.",
    cli: 'kubectl set image deployment/<name> -n <namespace> <container>=<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<digest>',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: 111122223333.dkr.ecr.us-west-2.amazonaws.com/app@sha256:<approved digest>',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
  },
  mappings: {},
  reads: DEPLOYED_READS,
  evaluate(workload, context) {
    return k8sDeployedOutcome(workload, judgeScanned, context, {
      fail: 'images not scanned or over the vulnerability allowance',
      pass: 'scanned images within the allowance',
    });
  },
});
