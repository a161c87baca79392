import { useDynamoDbLocal } from '@customs/local/testing';
import { describe, expect, it } from 'vitest';
import type { MovedDigest, ResourceDeployments } from '../src/index.js';
import { ACCOUNT, at, type CheckMeta, finding, REGION, type ResourceMeta } from './helpers/findings.js';
import { repositoryOn } from './helpers/repository.js';

const dynamo = useDynamoDbLocal();

const PRIVILEGED: CheckMeta = {
  checkId: 'ecs-task-definition-no-privileged',
  title: 'ECS task definitions run no privileged container',
  resourceType: 'ecs-task-definition',
  severity: 'high',
  recommendation: 'CSA-1',
};
const D1 = `sha256:${'a1'.repeat(32)}`;
const D2 = `sha256:${'b2'.repeat(32)}`;

function revision(name: string): ResourceMeta {
  return {
    id: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${name}`,
    name,
    accountId: ACCOUNT,
    region: REGION,
  };
}

function runs(resource: ResourceMeta, digests: [string, number][]): Map<string, ResourceDeployments> {
  return new Map([
    [
      resource.id,
      {
        resourceType: 'ecs-task-definition',
        resourceName: resource.name,
        refName: resource.name,
        digests: digests.map(([digest, count]) => ({
          digest,
          repositoryName: 'team/payments-api',
          count,
          where: ['payments/payments-api'],
        })),
      },
    ],
  ]);
}

describe('store: the digest → deployments index', () => {
  it('keeps what a deployment runs in the transaction of its evaluation, looked up by one Query', async () => {
    // Prepare
    const { repository, log } = repositoryOn(dynamo);
    const payments = revision('index-payments:8');
    const moved: MovedDigest[] = [];
    // Act
    await repository.applyEvaluation([finding(PRIVILEGED, payments, 'FAIL', at(0))], {
      deployments: runs(payments, [[D1, 3]]),
      moved,
    });
    log.clear();
    const running = await repository.deploymentsOfDigest(D1);
    // Assess
    expect(running).toEqual([
      expect.objectContaining({
        digest: D1,
        resourceType: 'ecs-task-definition',
        resourceId: payments.id,
        refName: 'index-payments:8',
        repositoryName: 'team/payments-api',
        count: 3,
        where: ['payments/payments-api'],
        evaluatedAt: at(0),
      }),
    ]);
    expect(log.names()).toEqual(['QueryCommand']);
    expect(moved).toEqual([{ digest: D1, repositoryName: 'team/payments-api', resourceId: payments.id }]);
  });

  it('moves with newer evaluations, unchanged findings included, and never with a late older one', async () => {
    // Prepare
    const { repository, log } = repositoryOn(dynamo);
    const payments = revision('index-payments:9');
    const failing = (minute: number) => [finding(PRIVILEGED, payments, 'FAIL', at(minute), 'privileged')];
    await repository.applyEvaluation(failing(0), { deployments: runs(payments, [[D1, 3]]) });
    // Act: a newer read runs D2 (its findings unchanged), then a late read of minute 1 runs D1 again
    log.clear();
    const moved: MovedDigest[] = [];
    await repository.applyEvaluation(failing(2), { deployments: runs(payments, [[D2, 5]]), moved });
    const newerWrites = log.writes().map((write) => write.name);
    const late: MovedDigest[] = [];
    const stale = await repository.applyEvaluation(failing(1), {
      deployments: runs(payments, [[D1, 3]]),
      moved: late,
    });
    // Assess
    expect(newerWrites).toEqual(['TransactWriteItemsCommand']);
    expect(moved.map((each) => each.digest).sort()).toEqual([D1, D2].sort());
    expect(stale.map((change) => change.transition)).toEqual(['stale']);
    expect(late).toEqual([]);
    const mine = (found: { resourceId: string; count: number }[]) =>
      found.filter((each) => each.resourceId === payments.id).map((each) => each.count);
    expect(mine(await repository.deploymentsOfDigest(D1))).toEqual([]);
    expect(mine(await repository.deploymentsOfDigest(D2))).toEqual([5]);
  });

  it('writes no index item when what a deployment runs is unchanged (one UpdateItem of the record)', async () => {
    // Prepare
    const { repository, log } = repositoryOn(dynamo);
    const payments = revision('index-payments:10');
    const failing = (minute: number) => [finding(PRIVILEGED, payments, 'FAIL', at(minute), 'privileged')];
    await repository.applyEvaluation(failing(0), { deployments: runs(payments, [[D1, 2]]) });
    log.clear();
    const moved: MovedDigest[] = [];
    // Act
    await repository.applyEvaluation(failing(1), { deployments: runs(payments, [[D1, 2]]), moved });
    // Assess
    expect(log.writes().map((write) => write.name)).toEqual(['UpdateItemCommand']);
    expect(moved).toEqual([]);
  });

  it('removes a deployment from the index when its resource goes, or it runs nothing', async () => {
    // Prepare
    const { repository } = repositoryOn(dynamo);
    const gone = revision('index-gone:1');
    const idle = revision('index-idle:1');
    await repository.applyEvaluation([finding(PRIVILEGED, gone, 'FAIL', at(0))], {
      deployments: runs(gone, [[D1, 1]]),
    });
    await repository.applyEvaluation([finding(PRIVILEGED, idle, 'PASS', at(0))], {
      deployments: runs(idle, [[D1, 1]]),
    });
    const moved: MovedDigest[] = [];
    // Act
    await repository.resolveResource(gone.id, 'deregistered', { at: at(1) });
    await repository.resolveNamed(
      {
        accountId: ACCOUNT,
        region: REGION,
        resourceType: 'ecs-task-definition',
        resourceName: gone.name,
        reason: 'x',
        at: at(2),
      },
      { moved },
    );
    await repository.applyEvaluation([finding(PRIVILEGED, idle, 'PASS', at(3))], {
      deployments: runs(idle, []),
      moved,
    });
    // Assess
    const left = (await repository.deploymentsOfDigest(D1)).map((each) => each.resourceId);
    expect(left.filter((id) => id === gone.id || id === idle.id)).toEqual([]);
    expect(moved.map((each) => each.resourceId)).toEqual([idle.id]);
  });
});
