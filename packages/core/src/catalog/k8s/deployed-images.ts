import type { CheckContext } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { type ImageJudge, judgeDeployed } from '../../image/deployed-images.js';
import type { CheckOutcome } from '../../types/finding.js';
import type { K8sWorkload } from '../../types/kubernetes.js';
import { containerLabel, listed, noContainers, workloadLabel } from './pod-template.js';

/** What every Kubernetes deployed-image check reads: unreadable ECR state (or pods) is ERROR. */
export const DEPLOYED_READS: ('template' | 'runningPods' | 'deployedImages')[] = [
  'template',
  'runningPods',
  'deployedImages',
];

/**
 * One Kubernetes deployed-image check's outcome, as ecsDeployedOutcome: NOT_APPLICABLE when no pod
 * of the workload runs or no image was judged; FAIL naming each offending container, reference
 * and digest; else PASS naming the images judged. Exempt namespaces are judged too (not a PSS control).
 * @example return k8sDeployedOutcome(workload, judgeSigned, context, { fail: 'unsigned', pass: 'signed' });
 */
export function k8sDeployedOutcome(
  workload: K8sWorkload,
  judge: ImageJudge,
  context: CheckContext,
  words: { fail: string; pass: string },
): CheckOutcome {
  const none = noContainers(workload);
  if (none) return notApplicable(none);
  if (workload.runningPods === 0) return notApplicable(`${workloadLabel(workload)} has no running pod`);
  const containers = workload.template.containers.map((container) => ({
    label: containerLabel(container),
    ...(container.image === undefined ? {} : { image: container.image }),
    deployedImages: container.deployedImages,
  }));
  const judged = judgeDeployed(containers, judge, context);
  if (judged.offences.length > 0) {
    return fail(`${workloadLabel(workload)} runs ${words.fail}: ${listed(judged.offences)}`);
  }
  if (judged.fine.length === 0) {
    const why = judged.skipped.length > 0 ? listed(judged.skipped) : 'no ECR state was read';
    return notApplicable(`${workloadLabel(workload)} runs no image this check judges: ${why}`);
  }
  return pass(`${workloadLabel(workload)} runs ${words.pass}: ${listed(judged.fine)}`);
}
