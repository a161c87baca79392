import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { useDynamoDbLocal } from '@customs/local/testing';
import { describe, expect, it } from 'vitest';
import { at, CHECKS, cluster, finding, repository, user } from './helpers/findings.js';
import { repositoryOn } from './helpers/repository.js';

const dynamo = useDynamoDbLocal();

describe('FindingsRepository lifecycle', () => {
  it('opens on a first FAIL, resolves on PASS and reopens on a new FAIL, keeping the history newest first', async () => {
    // Prepare
    const { repository: store } = repositoryOn(dynamo);
    const prod = cluster('lifecycle-prod');
    const check = CHECKS.endpointNotPublic;
    // Act
    const opened = await store.applyEvaluation([finding(check, prod, 'FAIL', at(0), 'public to 0.0.0.0/0')]);
    const resolved = await store.applyEvaluation([finding(check, prod, 'PASS', at(10), 'private endpoint')]);
    const reopened = await store.applyEvaluation([finding(check, prod, 'FAIL', at(20), 'public to ::/0')]);
    // Assess
    expect([opened, resolved, reopened].map((changes) => changes.map((change) => change.transition))).toEqual(
      [['opened'], ['resolved'], ['reopened']],
    );
    expect(reopened[0]).toMatchObject({
      checkId: check.checkId,
      resourceId: prod.id,
      status: 'FAIL',
      severity: 'high',
      state: 'OPEN',
      previousState: 'RESOLVED',
      version: 3,
    });
    const stored = await store.getFinding(reopened[0]?.findingId ?? '');
    expect(stored).toMatchObject({
      state: 'OPEN',
      status: 'FAIL',
      message: 'public to ::/0',
      version: 3,
      firstSeenAt: at(0),
      openedAt: at(20),
      resolvedAt: at(10),
      lastChangedAt: at(20),
      lastEvaluatedAt: at(20),
      evaluatedAt: at(20),
      recommendation: 'CSA-4',
    });
    const history = await store.history(stored?.id ?? '');
    expect(
      history.items.map((entry) => [entry.version, entry.transition, entry.state, entry.message]),
    ).toEqual([
      [3, 'reopened', 'OPEN', 'public to ::/0'],
      [2, 'resolved', 'RESOLVED', 'private endpoint'],
      [1, 'opened', 'OPEN', 'public to 0.0.0.0/0'],
    ]);
    expect(history.cursor).toBeUndefined();
  });

  it('stores findings never seen failing as PASSING or NOT_APPLICABLE', async () => {
    const { repository: store } = repositoryOn(dynamo);
    const repo = repository('lifecycle/posture');
    const changes = await store.applyEvaluation([
      finding(CHECKS.scanOnPush, repo, 'PASS', at(0)),
      finding(CHECKS.tagImmutability, repo, 'NOT_APPLICABLE', at(0), 'Tag immutability is managed elsewhere'),
    ]);
    expect(changes.map((change) => [change.checkId, change.transition, change.state])).toEqual([
      [CHECKS.scanOnPush.checkId, 'created', 'PASSING'],
      [CHECKS.tagImmutability.checkId, 'created', 'NOT_APPLICABLE'],
    ]);
    const later = await store.applyEvaluation([finding(CHECKS.scanOnPush, repo, 'FAIL', at(5))]);
    expect(later[0]).toMatchObject({ transition: 'opened', state: 'OPEN', previousState: 'PASSING' });
  });

  it('keeps an open failure open through an ERROR, and resolves it when it then passes', async () => {
    // Prepare
    const { repository: store } = repositoryOn(dynamo);
    const alice = user('lifecycle-alice');
    const check = CHECKS.userMfa;
    await store.applyEvaluation([finding(check, alice, 'FAIL', at(0), 'alice has a password and no MFA')]);
    // Act
    const errored = await store.applyEvaluation([
      finding(check, alice, 'ERROR', at(1), 'Could not read alice'),
    ]);
    const failingAgain = await store.applyEvaluation([
      finding(check, alice, 'FAIL', at(2), 'alice has a password and no MFA'),
    ]);
    await store.applyEvaluation([finding(check, alice, 'ERROR', at(3), 'Could not read alice')]);
    const passed = await store.applyEvaluation([finding(check, alice, 'PASS', at(4), 'alice has MFA')]);
    // Assess
    expect(errored[0]).toMatchObject({ transition: 'errored', state: 'ERROR', status: 'ERROR' });
    expect(failingAgain[0]).toMatchObject({ transition: 'updated', state: 'OPEN' });
    expect(passed[0]).toMatchObject({ transition: 'resolved', state: 'RESOLVED', previousState: 'ERROR' });
    const stored = await store.getFinding(passed[0]?.findingId ?? '');
    expect(stored).toMatchObject({ openedAt: at(0), resolvedAt: at(4), lastChangedAt: at(4) });
    expect(stored?.stateBeforeError).toBeUndefined();
  });

  it('records a new message on an open finding as updated, keeping when it last changed state', async () => {
    const { repository: store } = repositoryOn(dynamo);
    const repo = repository('lifecycle/message');
    await store.applyEvaluation([finding(CHECKS.scanOnPush, repo, 'FAIL', at(0), 'scan frequency MANUAL')]);
    const changes = await store.applyEvaluation([
      finding(CHECKS.scanOnPush, repo, 'FAIL', at(3), 'scan frequency absent'),
    ]);
    expect(changes[0]).toMatchObject({ transition: 'updated', state: 'OPEN', version: 2 });
    const stored = await store.getFinding(changes[0]?.findingId ?? '');
    expect(stored).toMatchObject({
      lastChangedAt: at(0),
      lastEvaluatedAt: at(3),
      message: 'scan frequency absent',
    });
  });

  it('resolves every finding of a deleted resource with the reason, and reopens it if it fails again', async () => {
    // Prepare
    const { repository: store } = repositoryOn(dynamo);
    const repo = repository('lifecycle/deleted');
    const other = repository('lifecycle/kept');
    await store.applyEvaluation([
      finding(CHECKS.scanOnPush, repo, 'FAIL', at(0)),
      finding(CHECKS.tagImmutability, repo, 'PASS', at(0)),
      finding(CHECKS.scanOnPush, other, 'FAIL', at(0)),
    ]);
    // Act
    const changes = await store.resolveResource(repo.id, 'Repository deleted (DeleteRepository)', {
      at: at(5),
    });
    const again = await store.resolveResource(repo.id, 'Repository deleted (DeleteRepository)', {
      at: at(6),
    });
    const recreated = await store.applyEvaluation([finding(CHECKS.scanOnPush, repo, 'FAIL', at(9))]);
    // Assess
    expect(
      changes.map((change) => [change.checkId, change.transition, change.state, change.status]).sort(),
    ).toEqual([
      [CHECKS.scanOnPush.checkId, 'resolved', 'RESOLVED', 'NOT_APPLICABLE'],
      [CHECKS.tagImmutability.checkId, 'removed', 'RESOLVED', 'NOT_APPLICABLE'],
    ]);
    expect(again.map((change) => change.transition)).toEqual(['unchanged', 'unchanged']);
    const [kept] = await store.findingsForResource(other.id);
    expect(kept).toMatchObject({ state: 'OPEN' });
    expect(recreated[0]).toMatchObject({ transition: 'reopened', state: 'OPEN' });
    const history = await store.history(recreated[0]?.findingId ?? '', { limit: 2 });
    expect(history.items.map((entry) => [entry.transition, entry.reason])).toEqual([
      ['reopened', undefined],
      ['resolved', 'Repository deleted (DeleteRepository)'],
    ]);
    expect(history.cursor).toBeDefined();
  });

  it('resolves, after a sweep, the findings of resources the sweep did not find', async () => {
    // Prepare
    const { repository: store } = repositoryOn(dynamo);
    const gone = repository('sweep/gone', '222233334444');
    const present = repository('sweep/present', '222233334444');
    const otherType = cluster('sweep-cluster');
    await store.applyEvaluation([
      finding(CHECKS.scanOnPush, gone, 'FAIL', at(0)),
      finding(CHECKS.scanOnPush, present, 'FAIL', at(0)),
      { ...finding(CHECKS.endpointNotPublic, otherType, 'FAIL', at(0)), accountId: '222233334444' },
    ]);
    // Act
    const changes = await store.resolveMissing({
      accountId: '222233334444',
      region: 'eu-west-1',
      resourceTypes: ['ecr-repository'],
      presentResourceIds: [present.id],
      reason: 'Not found by the sweep',
      at: at(30),
    });
    // Assess
    expect(changes.map((change) => [change.resourceId, change.transition])).toEqual([[gone.id, 'resolved']]);
    expect((await store.findingsForResource(present.id))[0]?.state).toBe('OPEN');
  });

  it('resolves the findings of a deleted resource known only by its name', async () => {
    const { repository: store, log } = repositoryOn(dynamo);
    const deleted = repository('named/deleted');
    const sibling = repository('named/deleted-not');
    await store.applyEvaluation([
      finding(CHECKS.scanOnPush, deleted, 'FAIL', at(0)),
      finding(CHECKS.scanOnPush, sibling, 'FAIL', at(0)),
    ]);
    log.clear();
    const changes = await store.resolveNamed({
      accountId: deleted.accountId,
      region: deleted.region,
      resourceType: 'ecr-repository',
      resourceName: 'named/deleted',
      reason: 'ecr-repository named/deleted no longer exists',
      at: at(2),
    });
    expect(changes.map((change) => [change.resourceId, change.transition])).toEqual([
      [deleted.id, 'resolved'],
    ]);
    expect(log.sent[0]).toMatchObject({ name: 'QueryCommand', input: { IndexName: 'byAccountRegion' } });
    expect((await store.findingsForResource(sibling.id))[0]?.state).toBe('OPEN');
  });

  it('marks each finding item with the transition that wrote it and what the fan-out announces, never returned with the finding', async () => {
    // Prepare
    const { repository: store } = repositoryOn(dynamo);
    const doc = DynamoDBDocumentClient.from(dynamo.client);
    const prod = cluster('marks-prod');
    const check = CHECKS.endpointNotPublic;
    const marksOf = async (findingId: string) => {
      const { Item } = await doc.send(
        new GetCommand({ TableName: dynamo.tableName, Key: { PK: `F#${findingId}`, SK: 'FINDING' } }),
      );
      return { transition: Item?.transition, notify: Item?.notify };
    };
    // Act
    const [opened] = await store.applyEvaluation([
      finding(check, prod, 'FAIL', at(0), 'public to 0.0.0.0/0'),
    ]);
    const id = opened?.findingId ?? '';
    const afterOpened = await marksOf(id);
    await store.applyEvaluation([finding(check, prod, 'FAIL', at(5), 'public to 0.0.0.0/0 and ::/0')]);
    const afterMessage = await marksOf(id);
    await store.applyEvaluation([
      finding({ ...check, severity: 'critical' }, prod, 'FAIL', at(10), 'public to 0.0.0.0/0 and ::/0'),
    ]);
    const afterSeverity = await marksOf(id);
    await store.resolveResource(prod.id, 'Cluster deleted', { at: at(20) });
    const afterRemoval = await marksOf(id);
    // Assess
    expect([afterOpened, afterMessage, afterSeverity, afterRemoval]).toEqual([
      { transition: 'opened', notify: 'opened' },
      { transition: 'updated', notify: undefined },
      { transition: 'updated', notify: 'severity-changed' },
      { transition: 'resolved', notify: 'resolved' },
    ]);
    const stored = await store.getFinding(id);
    expect(stored).toMatchObject({ state: 'RESOLVED', version: 4 });
    expect(stored).not.toHaveProperty('transition');
    expect(stored).not.toHaveProperty('notify');
    const history = await store.history(id);
    expect(history.items.map((entry) => entry.transition)).toEqual([
      'resolved',
      'updated',
      'updated',
      'opened',
    ]);
  });
});
