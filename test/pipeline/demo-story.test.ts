import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import {
  DEMO_STORY,
  type LocalPipeline,
  playStory,
  type StoryOutcome,
  startLocalPipeline,
} from '@customs/local';
import { runSweep } from '@customs/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCopy } from '../helpers/demo-copy.js';

/**
 * `repository/team/payments-api@sha256:…` → `team/payments-api@<digest>`; `cluster/prod`; `user/maria.garcia`;
 * a workload `cluster/prod/default/Pod/debug-shell`.
 */
const resourceOf = (arn: string) =>
  arn
    .replace(/^arn:aws:[a-z0-9]+:[^:]*:\d*:/, '')
    .replace(/^repository\//, '')
    .replace(/@sha256:[0-9a-f]{64}$/, '@<digest>');

const moved = (outcome: StoryOutcome | undefined) =>
  (outcome?.changes ?? [])
    .filter((change) => ['opened', 'resolved', 'reopened'].includes(change.transition))
    .map((change) => `${change.transition} ${change.checkId} ${resourceOf(change.resourceId)}`)
    .sort();

/** The stored image findings a step re-evaluated, with the change mark of their last write (`notify`). */
async function imageFindings(pipeline: LocalPipeline, outcome: StoryOutcome, pushed?: StoryOutcome) {
  const vulnerable = new Set(
    (pushed?.changes ?? []).filter((c) => c.checkId.startsWith('ecr-image-')).map((c) => c.resourceId),
  );
  const image = outcome.changes.filter((c) => vulnerable.has(c.resourceId));
  return Promise.all(
    image.map(async (change) => {
      const { Item } = await pipeline.client.send(
        new GetItemCommand({
          TableName: pipeline.tableName,
          Key: { PK: { S: `F#${change.findingId}` }, SK: { S: 'FINDING' } },
        }),
      );
      const stored = await pipeline.repository.getFinding(change.findingId);
      return {
        checkId: change.checkId,
        inUse: stored?.inUse,
        ...(Item?.notify?.S ? { notify: Item.notify.S } : {}),
      };
    }),
  );
}

describe('the demo story customs start plays', () => {
  let pipeline: LocalPipeline;
  const outcomes: StoryOutcome[] = [];
  const atDeploy: { checkId: string; inUse: unknown; notify?: string }[] = [];

  beforeAll(async () => {
    const dir = await demoCopy();
    pipeline = await startLocalPipeline({ snapshotDir: dir });
    await runSweep(pipeline.dependencies);
    for await (const outcome of playStory(DEMO_STORY, pipeline, dir)) {
      outcomes.push(outcome);
      // what the image's findings said right after the step that deployed it
      if (outcomes.length === 2) atDeploy.push(...(await imageFindings(pipeline, outcome, outcomes[0])));
    }
    // The sweep and eleven steps on DynamoDB Local: about 60 s on a busy 2-core machine.
  }, 600_000);
  afterAll(async () => {
    await pipeline?.stop();
  });

  it('opens the findings of a vulnerable, unsigned image when it is pushed', () => {
    const digest = outcomes[0]?.changes
      .find((c) => c.checkId.startsWith('ecr-image-'))
      ?.resourceId.split('@')[1];
    expect(moved(outcomes[0])).toEqual(
      ['ecr-image-no-critical-vulnerabilities', 'ecr-image-no-high-vulnerabilities', 'ecr-image-signed'].map(
        (check) => `opened ${check} team/payments-api@<digest>`,
      ),
    );
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('opens the deployed-image findings of payments-api:8 when it runs the vulnerable image, which is now in use, announced once', () => {
    const opened = moved(outcomes[1]);
    expect(opened).toEqual(
      expect.arrayContaining([
        'opened ecs-task-definition-deployed-images-scanned task-definition/payments-api:8',
        'opened ecs-task-definition-deployed-images-signed task-definition/payments-api:8',
      ]),
    );
    expect(opened.every((line) => line.endsWith('task-definition/payments-api:8'))).toBe(true);
    expect(atDeploy.length).toBeGreaterThan(0);
    for (const { inUse } of atDeploy) expect(inUse).toEqual({ running: 3, where: ['payments/payments-api'] });
    expect(atDeploy.flatMap((each) => (each.notify ? [`${each.notify} ${each.checkId}`] : []))).toEqual([
      'now-in-use ecr-image-no-critical-vulnerabilities',
    ]);
  });

  it('resolves the deployed-image findings when the fix is rolled out; the image runs nowhere', async () => {
    expect(moved(outcomes[2]).filter((line) => line.includes('deployed-images'))).toEqual([
      'resolved ecs-task-definition-deployed-images-scanned task-definition/payments-api:8',
      'resolved ecs-task-definition-deployed-images-signed task-definition/payments-api:8',
    ]);
    const image = (outcomes[0]?.changes ?? []).find(
      (c) => c.checkId === 'ecr-image-no-critical-vulnerabilities',
    );
    const stored = await pipeline.repository.getFinding(image?.findingId ?? '');
    expect(stored?.inUse).toEqual({ running: 0, where: [] });
  });

  it('resolves the image findings when the vulnerable image is deleted', () => {
    expect(moved(outcomes[3])).toEqual(
      ['ecr-image-no-critical-vulnerabilities', 'ecr-image-no-high-vulnerabilities', 'ecr-image-signed'].map(
        (check) => `resolved ${check} team/payments-api@<digest>`,
      ),
    );
  });

  it('opens and resolves the public endpoint of the prod cluster', () => {
    expect(moved(outcomes[4])).toEqual(['opened eks-cluster-endpoint-not-public cluster/prod']);
    expect(moved(outcomes[5])).toEqual(['resolved eks-cluster-endpoint-not-public cluster/prod']);
  });

  it('opens the MFA finding of a user who lost her MFA device', () => {
    expect(moved(outcomes[6])).toEqual(['opened iam-user-mfa-enabled user/maria.garcia']);
  });

  it('opens the privileged container and the access key of a revision the payments service is updated to', () => {
    expect(moved(outcomes[7])).toEqual([
      'opened ecs-task-definition-no-environment-secrets task-definition/payments-api:10',
      'opened ecs-task-definition-no-privileged task-definition/payments-api:10',
    ]);
  });

  it('resolves them when the fixed revision is deployed and nothing runs the bad one any more', () => {
    // payments-api:10 is still privileged in the snapshot (revisions cannot be changed): only
    // ceasing to be in use resolves its findings; payments-api:11 opens none
    expect(moved(outcomes[8])).toEqual([
      'resolved ecs-task-definition-no-environment-secrets task-definition/payments-api:10',
      'resolved ecs-task-definition-no-privileged task-definition/payments-api:10',
    ]);
  });

  // Needs the merge of k8s-collect (the snapshot readers of k8s/) and k8s-events (on-k8s-audit, the
  // local bus delivering `{"awslogs":…}` payloads) and the k8s checks.
  it('opens the findings of a privileged, host-PID bare pod applied on prod, from its audit-log event', () => {
    const opened = moved(outcomes[9]);
    expect(opened).toEqual(
      expect.arrayContaining([
        'opened k8s-workload-no-privileged cluster/prod/default/Pod/debug-shell',
        'opened k8s-workload-no-host-pid-ipc cluster/prod/default/Pod/debug-shell',
      ]),
    );
    expect(
      opened.every(
        (line) =>
          line.startsWith('opened k8s-workload-') && line.endsWith(' cluster/prod/default/Pod/debug-shell'),
      ),
    ).toBe(true);
  });

  it('resolves every one of them when the pod is deleted', () => {
    expect(moved(outcomes[10])).toEqual(
      moved(outcomes[9]).map((line) => line.replace(/^opened /, 'resolved ')),
    );
  });
});
