import type { CheckContext } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { type ImageJudge, judgeDeployed } from '../../image/deployed-images.js';
import type { EcsTaskDefinition } from '../../types/ecs.js';
import type { CheckOutcome } from '../../types/finding.js';
import { containerName, listed, noContainers } from './containers.js';

/** What every ECS deployed-image check reads: unreadable ECR state is ERROR. */
export const DEPLOYED_READS: ('containers' | 'use' | 'deployedImages')[] = [
  'containers',
  'use',
  'deployedImages',
];

/**
 * One ECS deployed-image check's outcome: NOT_APPLICABLE when nothing runs the revision (the
 * latest revision no service or task uses) or no image was judged; FAIL naming each offending
 * container, reference and digest; else PASS naming the images judged.
 * @example return ecsDeployedOutcome(definition, judgeSigned, context, { fail: 'unsigned', pass: 'signed' });
 */
export function ecsDeployedOutcome(
  definition: EcsTaskDefinition,
  judge: ImageJudge,
  context: CheckContext,
  words: { fail: string; pass: string },
): CheckOutcome {
  const none = noContainers(definition);
  if (none) return notApplicable(none);
  const { use } = definition;
  if (use.services.length === 0 && use.runningTasks === 0) {
    return notApplicable(`Task definition ${definition.name} is not run by any service or task`);
  }
  const containers = definition.containers.map((container) => ({
    label: containerName(container),
    ...(container.image === undefined ? {} : { image: container.image }),
    deployedImages: container.deployedImages,
  }));
  const judged = judgeDeployed(containers, judge, context);
  if (judged.offences.length > 0) {
    return fail(`Task definition ${definition.name} runs ${words.fail}: ${listed(judged.offences)}`);
  }
  if (judged.fine.length === 0) {
    const why = judged.skipped.length > 0 ? listed(judged.skipped) : 'no ECR state was read';
    return notApplicable(`Task definition ${definition.name} runs no image this check judges: ${why}`);
  }
  return pass(`Task definition ${definition.name} runs ${words.pass}: ${listed(judged.fine)}`);
}
