import type { CheckContext } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { type DeployedContainer, type ImageJudge, judgeDeployed } from '../../image/deployed-images.js';
import type { CheckOutcome } from '../../types/finding.js';
import { listed } from '../ecs/containers.js';

/** One deployment as every deployed-image check sees it, whichever its resource type. */
export interface DeployedSubject {
  /** How a message names it: `Task definition hello_world:8`, `Deployment prod/payments`. */
  label: string;
  /** Why no check applies (no container, nothing runs it); undefined when something runs. */
  idle?: string;
  containers: DeployedContainer[];
}

/** The words of one judgement's FAIL and PASS messages. */
export interface DeployedWords {
  fail: string;
  pass: string;
}

/**
 * One deployed-image check's outcome, for an ECS revision or a Kubernetes workload alike:
 * NOT_APPLICABLE when nothing runs the deployment or no image was judged; FAIL naming each
 * offending container, reference and digest; else PASS naming the images judged.
 * @example return deployedOutcome({ label: 'Task definition app:3', containers }, judgeSigned, context, { fail: 'unsigned images', pass: 'signed images' });
 */
export function deployedOutcome(
  subject: DeployedSubject,
  judge: ImageJudge,
  context: CheckContext,
  words: DeployedWords,
): CheckOutcome {
  if (subject.idle) return notApplicable(subject.idle);
  const judged = judgeDeployed(subject.containers, judge, context);
  if (judged.offences.length > 0)
    return fail(`${subject.label} runs ${words.fail}: ${listed(judged.offences)}`);
  if (judged.fine.length === 0) {
    const why = judged.skipped.length > 0 ? listed(judged.skipped) : 'no ECR state was read';
    return notApplicable(`${subject.label} runs no image this check judges: ${why}`);
  }
  return pass(`${subject.label} runs ${words.pass}: ${listed(judged.fine)}`);
}
