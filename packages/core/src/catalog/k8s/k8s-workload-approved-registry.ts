import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { isApprovedImage } from '../../image/approved-registry.js';
import {
  clipped,
  containerLabel,
  listed,
  noContainers,
  workloadImages,
  workloadLabel,
} from './pod-template.js';

/**
 * Every container's image comes from an approved registry, judged exactly as
 * ecs-task-definition-approved-registry judges a task definition's (`isApprovedImage`): this
 * account's private ECR in the cluster's region (any repository path, pull-through cache
 * repositories included), or an `approvedRegistries` entry (a whole host, or a host with a prefix
 * of whole path segments). Containers, init containers and ephemeral containers alike; a container
 * without an image, or with one that does not parse, fails naming it (its registry is unknown).
 * Not a Pod Security Standards control: `podSecurityExemptNamespaces` does not exempt a workload.
 */
export const k8sWorkloadApprovedRegistry = defineCheck({
  id: 'k8s-workload-approved-registry',
  title: 'Kubernetes workloads run images only from approved registries',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-3',
  severity: 'high',
  rationale:
    "An image pulled from an arbitrary public registry has not passed the account's scanning, signing or provenance controls: a typo-squatted or hijacked image runs with the pod's service account, network and node access.",
  remediation: {
    text: "Copy the image into this account's ECR (or pull it through an approved pull-through cache rule), point the pod template at it, and roll the workload out again; add vetted registries (the EKS add-on registry of your region, say) to approvedRegistries.",
    cli: 'kubectl set image deployment/<name> -n <namespace> <container>=<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<digest>',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: 111122223333.dkr.ecr.us-west-2.amazonaws.com/app@sha256:<digest>',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html',
  },
  mappings: {},
  reads: ['template'],
  evaluate(workload, { config }) {
    const none = noContainers(workload);
    if (none) return notApplicable(none);
    const { accountId, region } = workload;
    const scope = { accountId, region, approvedRegistries: config.approvedRegistries };
    const offenders: string[] = [];
    for (const image of workloadImages(workload)) {
      const label = containerLabel(image.container);
      if (image.kind === 'missing') offenders.push(`${label} (no image, registry unknown)`);
      else if (image.kind === 'invalid')
        offenders.push(`${label} (image unreadable: ${clipped(image.error)})`);
      else if (!isApprovedImage(image.reference, scope)) {
        offenders.push(`${label} (${clipped(image.reference.registry)}: ${clipped(image.reference.text)})`);
      }
    }
    if (offenders.length > 0) {
      return fail(
        `${workloadLabel(workload)} runs images from registries that are not approved: ${listed(offenders)}`,
      );
    }
    return pass(
      `${workloadLabel(workload)}: all ${workload.template.containers.length} container image(s) come from this account's ECR in ${region} or an approved registry`,
    );
  },
});
