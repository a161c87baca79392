import { describe, expect, it } from 'vitest';
import { deploymentDigests } from '../src/image/deployment-digests.js';
import { ecsContainer, sampleTaskDefinition } from './helpers/ecs.js';
import { k8sContainer, podTemplate, sampleWorkload } from './helpers/k8s.js';

const HEX = '3a50085ee225e05fce725f01bfc111805d3b58e928328afe0c391a0e1947571b';
const DIGEST = `sha256:${HEX}`;

describe('deploymentDigests', () => {
  it("keeps an ECS revision's running digests with its tasks, services and own-ECR repository", () => {
    // Prepare
    const revision = sampleTaskDefinition({
      containers: [
        ecsContainer({
          name: 'api',
          image: '012345678910.dkr.ecr.us-east-1.amazonaws.com/team/app:v1',
          runningDigests: [DIGEST.toUpperCase().replace('SHA256', 'sha256')],
        }),
        ecsContainer({ name: 'proxy', image: 'nginx:1.27', runningDigests: [`sha256:${'b'.repeat(64)}`] }),
      ],
      use: { latestActive: true, services: ['payments/payments-api'], runningTasks: 3 },
    });
    // Act
    const digests = deploymentDigests(revision);
    // Assess
    expect(digests).toEqual([
      { digest: DIGEST, repositoryName: 'team/app', count: 3, where: ['payments/payments-api'] },
      { digest: `sha256:${'b'.repeat(64)}`, count: 3, where: ['payments/payments-api'] },
    ]);
  });

  it('runs nothing when no task runs the revision, and another account’s ECR has no repository here', () => {
    const idle = sampleTaskDefinition({
      containers: [ecsContainer({ runningDigests: [DIGEST] })],
      use: { latestActive: true, services: [], runningTasks: 0 },
    });
    const foreign = sampleTaskDefinition({
      containers: [
        ecsContainer({ image: '999999999999.dkr.ecr.us-east-1.amazonaws.com/x:1', runningDigests: [DIGEST] }),
      ],
      use: { latestActive: false, services: [], runningTasks: 1 },
    });
    expect(deploymentDigests(idle)).toEqual([]);
    expect(deploymentDigests(foreign)).toEqual([{ digest: DIGEST, count: 1, where: ['hello_world:8'] }]);
  });

  it("keeps a workload's pod imageIDs (docker-pullable://…) with its running pods and name", () => {
    // Prepare
    const base = sampleWorkload();
    const registry = `${base.accountId}.dkr.ecr.${base.region}.amazonaws.com`;
    const workload = sampleWorkload({
      runningPods: 2,
      template: podTemplate({
        containers: [
          k8sContainer({
            image: `${registry}/team/app:v1`,
            runningImageIds: [
              `docker-pullable://${registry}/team/app@${DIGEST}`,
              'not-a-digest',
              // a bare sha256 imageID is the config id: no ECR image has it, so it is not indexed
              `sha256:${'c'.repeat(64)}`,
            ],
          }),
        ],
      }),
    });
    // Act / Assess
    expect(deploymentDigests(workload)).toEqual([
      { digest: DIGEST, repositoryName: 'team/app', count: 2, where: [workload.name] },
    ]);
    expect(deploymentDigests({ ...workload, runningPods: 0 })).toEqual([]);
  });
});
