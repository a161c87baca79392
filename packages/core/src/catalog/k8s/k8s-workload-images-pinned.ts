import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { unpinnedReason } from '../../image/image-pinning.js';
import { runningDigest } from '../../image/running-digest.js';
import {
  clipped,
  clippedTo,
  containerLabel,
  listed,
  noContainers,
  workloadImages,
  workloadLabel,
} from './pod-template.js';

/** The longest reason a message gives per container: an image and three running digests fit. */
const MAX_REASON = 800;

/**
 * Every container's image is pinned, judged exactly as ecs-task-definition-images-pinned judges a
 * task definition's (`unpinnedReason`): by digest (`@sha256:…`), or by a tag other than `latest`
 * in a repository of this account's ECR (the cluster's region) whose `imageTagMutability` is
 * `IMMUTABLE`. No tag is `latest`. The message names the digests the workload's pods run with
 * (`status.containerStatuses[].imageID`), the digests to pin to. A container without an image, or
 * with one that does not parse, fails. Not a Pod Security Standards control: exempt namespaces are
 * judged too.
 */
export const k8sWorkloadImagesPinned = defineCheck({
  id: 'k8s-workload-images-pinned',
  title: 'Kubernetes workloads pin images by digest or by an immutable ECR tag',
  resourceType: 'k8s-workload',
  recommendation: 'CSA-3',
  severity: 'medium',
  rationale:
    'A mutable tag can be moved to another image at any time: each new pod (a reschedule, a scale-out) may run different, unscanned code than the one approved, and a compromised registry account can swap the image under a running workload.',
  remediation: {
    text: 'Reference each image by digest (repository@sha256:…, the running digest the finding names), or by a tag in an ECR repository with IMMUTABLE tags, and roll the workload out again.',
    cli: 'kubectl set image deployment/<name> -n <namespace> <container>=<repository>@sha256:<digest>',
    iac: {
      format: 'kubernetes',
      snippet:
        'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: 111122223333.dkr.ecr.us-west-2.amazonaws.com/app@sha256:<digest>',
    },
    url: 'https://kubernetes.io/docs/concepts/containers/images/#image-names',
  },
  mappings: { prowler: ['core_image_tag_fixed'], kubescape: ['C-0075'] },
  reads: ['template'],
  evaluate(workload) {
    const none = noContainers(workload);
    if (none) return notApplicable(none);
    const offenders: string[] = [];
    for (const image of workloadImages(workload)) {
      const { container } = image;
      const label = containerLabel(container);
      if (image.kind === 'missing') offenders.push(`${label} (no image)`);
      else if (image.kind === 'invalid')
        offenders.push(`${label} (image unreadable: ${clipped(image.error)})`);
      else {
        const running = [
          ...new Set(container.runningImageIds.flatMap((id) => runningDigest(id, 'image-id') ?? [])),
        ];
        const why = unpinnedReason(image.reference, workload, container.ecrTagMutability, running);
        if (why !== undefined) offenders.push(`${label} (${clippedTo(why, MAX_REASON)})`);
      }
    }
    if (offenders.length > 0) {
      return fail(`${workloadLabel(workload)} has unpinned images: ${listed(offenders)}`);
    }
    return pass(
      `${workloadLabel(workload)} pins all ${workload.template.containers.length} container image(s) by digest or immutable ECR tag`,
    );
  },
});
