import type { CheckContext } from '../../check/define-check.js';
import { fail, notApplicable, pass, unjudgeable } from '../../check/outcome.js';
import type { Config } from '../../config.js';
import {
  type DeployedContainer,
  type ImageJudge,
  isTrustedImage,
  judgeDeployed,
} from '../../image/deployed-images.js';
import type { CheckOutcome } from '../../types/finding.js';
import { listed } from '../ecs/containers.js';

/** One deployment as every deployed-image check sees it, whichever its resource type. */
export interface DeployedSubject {
  /** The resource's name, as an unreadable property's ERROR names it. */
  name: string;
  /** How a message names it: `Task definition hello_world:8`, `Deployment prod/payments`. */
  label: string;
  /** Why no check applies (no container, nothing runs it); undefined when something runs. */
  idle?: string;
  /** Each container, with its name as the spec gives it (`name`). */
  containers: (DeployedContainer & { name: string })[];
}

/** The words of one judgement's FAIL and PASS messages, and what a trusted account's image is. */
export interface DeployedWords {
  fail: string;
  pass: string;
  /** in-ecr: `ok` (the image is in AWS's ECR); scanned, signed, fresh: `skip` (not Customs' to judge). */
  trusted: 'ok' | 'skip';
}

/**
 * The ERROR of a deployment running an image in another account's (or region's) ECR that
 * `trustedImageAccounts` does not list: worded as an unreadable `deployedImages` read is (the
 * first container's reason), since what Customs could not read is not judged.
 */
function untrustedOther(subject: DeployedSubject, config: Config): CheckOutcome | undefined {
  for (const container of subject.containers) {
    const state = container.deployedImages.find(
      (image) =>
        image.registry === 'ecr-other' && image.state === 'unreadable' && !isTrustedImage(image, config),
    );
    if (state) {
      const reason = `${container.name}: ${state.reason ?? 'not readable'}`;
      return unjudgeable(`Could not read ${subject.name}: deployedImages (${reason})`);
    }
  }
  return undefined;
}

/**
 * One deployed-image check's outcome, for an ECS revision or a Kubernetes workload alike:
 * NOT_APPLICABLE when nothing runs the deployment or no image was judged; ERROR when an image is
 * in an untrusted account's ECR; FAIL naming each offending container, reference and digest; else
 * PASS naming the images judged.
 * @example return deployedOutcome(ecsSubject(definition), judgeSigned, context, SIGNED_WORDS);
 */
export function deployedOutcome(
  subject: DeployedSubject,
  judge: ImageJudge,
  context: CheckContext,
  words: DeployedWords,
): CheckOutcome {
  if (subject.idle) return notApplicable(subject.idle);
  const unreadable = untrustedOther(subject, context.config);
  if (unreadable) return unreadable;
  const judged = judgeDeployed(subject.containers, judge, context, words.trusted);
  if (judged.offences.length > 0)
    return fail(`${subject.label} runs ${words.fail}: ${listed(judged.offences)}`);
  if (judged.fine.length === 0) {
    const why = judged.skipped.length > 0 ? listed(judged.skipped) : 'no ECR state was read';
    return notApplicable(`${subject.label} runs no image this check judges: ${why}`);
  }
  return pass(`${subject.label} runs ${words.pass}: ${listed(judged.fine)}`);
}
