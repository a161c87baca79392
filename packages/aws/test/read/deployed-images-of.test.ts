import type { EcsTaskDefinition, K8sWorkload } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { SnapshotFiles, SnapshotSession } from '../../src/index.js';
import { DEFAULT_REPORT_POLLING } from '../../src/read/context.js';
import { ecsDeployedImages, k8sDeployedImages } from '../../src/read/deployed-images-of.js';
import { cliJson } from '../helpers/fixtures.js';
import { writeSnapshot } from '../helpers/snapshot-dir.js';

/** AWS's describe-images sample: `cluster-autoscaler:v1.13.6` in account 012345678910's registry. */
const SAMPLE = cliJson('ecr/describe-images.json') as { imageDetails: Record<string, unknown>[] };
const ACCOUNT = '012345678910';
const REGION = 'us-east-1';
const ECR = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com`;
const DIGEST = 'sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5';
const IMAGE = `${ECR}/cluster-autoscaler:v1.13.6`;
const FOREIGN = '999999999999.dkr.ecr.us-east-1.amazonaws.com/team/app:v1';

async function context() {
  const session = new SnapshotSession(
    new SnapshotFiles(await writeSnapshot({ 'ecr/DescribeImages/cluster-autoscaler.json': SAMPLE })),
  );
  return {
    session,
    scope: { accountId: ACCOUNT, region: REGION },
    reportPolling: DEFAULT_REPORT_POLLING,
    incomplete: [],
  };
}

/** The fields of a normalised revision the deployed-image read looks at (the rest is not read). */
function revision(runningDigests: string[], image = IMAGE, runningTasks = 2) {
  return {
    name: 'autoscaler:3',
    use: { latestActive: true, services: runningTasks > 0 ? ['prod/autoscaler'] : [], runningTasks },
    containers: [{ name: 'autoscaler', image, runningDigests, deployedImages: [] }],
  } as unknown as EcsTaskDefinition;
}

/** The fields of a normalised workload the deployed-image read looks at. */
function workload(runningImageIds: string[], image = IMAGE, runningPods = 2) {
  return {
    name: 'kube-system/cluster-autoscaler',
    runningPods,
    template: { containers: [{ name: 'autoscaler', image, runningImageIds, deployedImages: [] }] },
  } as unknown as K8sWorkload;
}

describe('the deployed-image reads of ECS revisions and Kubernetes workloads (one helper)', () => {
  it('gives an ECS imageDigest and the pod imageID of the same image the same state', async () => {
    // Prepare
    const ecs = revision([DIGEST.toUpperCase().replace('SHA256', 'sha256'), DIGEST]);
    const k8s = workload([`docker-pullable://${ECR}/cluster-autoscaler@${DIGEST}`]);
    // Act
    await ecsDeployedImages(await context(), [ecs]);
    await k8sDeployedImages(await context(), [k8s]);
    // Assess: upper-case and repeated digests are one read, one state
    const [ecsContainer] = ecs.containers;
    const [k8sContainer] = k8s.template.containers;
    expect(ecsContainer?.deployedImages.map((s) => [s.digest, s.state])).toEqual([[DIGEST, 'found']]);
    expect(k8sContainer?.deployedImages).toEqual(ecsContainer?.deployedImages);
  });

  it('judges the spec when a pod reports only a config id (a bare sha256 imageID is no running digest)', async () => {
    const k8s = workload([`sha256:${'d'.repeat(64)}`]);
    await k8sDeployedImages(await context(), [k8s]);
    // the tag's digest, not the config id
    expect(k8s.template.containers[0]?.deployedImages.map((s) => [s.digest, s.tagDigest])).toEqual([
      [DIGEST, DIGEST],
    ]);
  });

  it("leaves another account's ECR to the checks: the state names the account, the resource stays readable", async () => {
    const ecs = revision([DIGEST], FOREIGN);
    const k8s = workload([`${FOREIGN.split(':')[0]}@${DIGEST}`], FOREIGN);
    await ecsDeployedImages(await context(), [ecs]);
    await k8sDeployedImages(await context(), [k8s]);
    const reason = `team/app is in the ECR of account 999999999999 in us-east-1; Customs reads the ECR of account ${ACCOUNT} in ${REGION} only`;
    for (const [resource, [container]] of [
      [ecs, ecs.containers],
      [k8s, k8s.template.containers],
    ] as const) {
      expect(resource.unreadable?.deployedImages).toBeUndefined();
      expect(container?.deployedImages.map((s) => [s.registryAccountId, s.state, s.reason])).toEqual([
        ['999999999999', 'unreadable', reason],
      ]);
    }
  });

  it("names the container in the resource's unreadable reason when this account's ECR is denied", async () => {
    // Prepare: the running tasks could not be described, so what runs is unknown
    const ecs = revision([DIGEST]);
    ecs.unreadable = { runningDigests: 'ecs:DescribeTasks: AccessDeniedException' };
    // Act
    await ecsDeployedImages(await context(), [ecs]);
    // Assess
    expect(ecs.unreadable?.deployedImages).toBe('running tasks: ecs:DescribeTasks: AccessDeniedException');
  });

  it('reads nothing for a revision no task runs or a workload with no running pod', async () => {
    const ecs = revision([DIGEST], IMAGE, 0);
    const k8s = workload([`${ECR}/cluster-autoscaler@${DIGEST}`], IMAGE, 0);
    await ecsDeployedImages(await context(), [ecs]);
    await k8sDeployedImages(await context(), [k8s]);
    expect(ecs.containers[0]?.deployedImages).toEqual([]);
    expect(k8s.template.containers[0]?.deployedImages).toEqual([]);
  });
});
