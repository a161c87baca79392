import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { useDynamoDbLocal } from '@customs/local/testing';
import { describe, expect, it } from 'vitest';
import { at, CHECKS, finding, type ResourceMeta, repository } from './helpers/findings.js';
import { repositoryOn } from './helpers/repository.js';

/**
 * Retention: the findings of a resource that is gone expire (TTL `expiresAt`) after the history
 * retention, set when the resource goes and cleared when it comes back (README.md, "Retention").
 */
const dynamo = useDynamoDbLocal();

const NOW = new Date('2026-11-21T00:00:00.000Z');
const TTL_DAYS = 30;
const EXPIRES = Math.floor(NOW.getTime() / 1000) + TTL_DAYS * 86_400;

function store() {
  return repositoryOn(dynamo, { clock: () => NOW, historyTtlDays: TTL_DAYS });
}

function evaluation(resource: ResourceMeta, minutes: number) {
  return [
    finding(CHECKS.scanOnPush, resource, 'FAIL', at(minutes)),
    finding(CHECKS.tagImmutability, resource, 'PASS', at(minutes)),
  ];
}

/** The raw items of the resource's findings and record, as DynamoDB holds them. */
async function expiries(resource: ResourceMeta) {
  const read = async (Key: Record<string, string>) =>
    (await dynamo.client.send(new GetCommand({ TableName: dynamo.tableName, Key, ConsistentRead: true })))
      .Item;
  const findings = await Promise.all(
    evaluation(resource, 0).map((each) => read({ PK: `F#${each.id}`, SK: 'FINDING' })),
  );
  const record = await read({ PK: `RES#${resource.id}`, SK: 'EVALUATION' });
  return { findings: findings.map((item) => item?.expiresAt), record: record?.expiresAt };
}

describe('retention of the findings of deleted resources', () => {
  it('sets the TTL on every finding of a deleted resource, and the same on its record', async () => {
    // Prepare
    const { repository: findings } = store();
    const gone = repository('retention/deleted');
    await findings.applyEvaluation(evaluation(gone, 0));
    // Act
    const changes = await findings.resolveResource(gone.id, 'Repository deleted', { at: at(10) });
    // Assess
    expect(changes.map((change) => change.transition)).toEqual(['resolved', 'removed']);
    expect(await expiries(gone)).toEqual({ findings: [EXPIRES, EXPIRES], record: EXPIRES });
    const [stored] = (await findings.findingsForResource(gone.id)).filter(
      (each) => each.checkId === CHECKS.scanOnPush.checkId,
    );
    expect(stored).not.toHaveProperty('expiresAt');
  });

  it('sets it from a named deletion and from a sweep that no longer finds the resource', async () => {
    // Prepare
    const { repository: findings } = store();
    const named = repository('retention/named');
    const missing = repository('retention/missing');
    await findings.applyEvaluation([...evaluation(named, 0), ...evaluation(missing, 0)]);
    // Act
    await findings.resolveNamed({
      accountId: named.accountId,
      region: named.region,
      resourceType: 'ecr-repository',
      resourceName: named.name,
      reason: 'Repository deleted',
      at: at(10),
    });
    await findings.resolveMissing({
      accountId: missing.accountId,
      region: missing.region,
      resourceTypes: ['ecr-repository'],
      presentResourceIds: [named.id],
      inScope: (each) => each.resourceId === missing.id,
      reason: 'Not found by the sweep',
      at: at(10),
    });
    // Assess
    expect(await expiries(named)).toEqual({ findings: [EXPIRES, EXPIRES], record: EXPIRES });
    expect(await expiries(missing)).toEqual({ findings: [EXPIRES, EXPIRES], record: EXPIRES });
  });

  it('is idempotent: the deletion delivered again writes nothing and keeps the TTL', async () => {
    // Prepare
    const { repository: findings, log } = store();
    const gone = repository('retention/again');
    await findings.applyEvaluation(evaluation(gone, 0));
    await findings.resolveResource(gone.id, 'Repository deleted', { at: at(10) });
    log.clear();
    // Act
    const again = await findings.resolveResource(gone.id, 'Repository deleted', { at: at(10) });
    // Assess
    expect(again.map((change) => change.transition)).toEqual(['stale', 'stale']);
    expect(log.writes()).toEqual([]);
    expect(await expiries(gone)).toEqual({ findings: [EXPIRES, EXPIRES], record: EXPIRES });
  });

  it('never lets a late, older evaluation bring the resource back or clear the TTL', async () => {
    // Prepare
    const { repository: findings } = store();
    const gone = repository('retention/late');
    await findings.applyEvaluation(evaluation(gone, 0));
    await findings.resolveResource(gone.id, 'Repository deleted', { at: at(10) });
    // Act
    const late = await findings.applyEvaluation(evaluation(gone, 5));
    // Assess
    expect(late.map((change) => change.transition)).toEqual(['stale', 'stale']);
    expect(await expiries(gone)).toEqual({ findings: [EXPIRES, EXPIRES], record: EXPIRES });
    expect((await findings.findingsForResource(gone.id)).map((each) => each.state)).toEqual([
      'RESOLVED',
      'RESOLVED',
    ]);
  });

  it('clears the TTL of the findings and the record when the resource comes back', async () => {
    // Prepare
    const { repository: findings } = store();
    const back = repository('retention/back');
    await findings.applyEvaluation(evaluation(back, 0));
    await findings.resolveResource(back.id, 'Repository deleted', { at: at(10) });
    // Act
    const changes = await findings.applyEvaluation(evaluation(back, 20));
    // Assess
    expect(changes.map((change) => change.transition)).toEqual(['reopened', 'updated']);
    expect(await expiries(back)).toEqual({ findings: [undefined, undefined], record: undefined });
  });
});
