import { useDynamoDbLocal } from '@customs/local/testing';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, at, CHECKS, finding, image, REGION, repository } from './helpers/findings.js';
import { repositoryOn } from './helpers/repository.js';

const dynamo = useDynamoDbLocal();

const DIGEST = 'sha256:44499ddb1996eb549712d822982efae2e112bf51d8c6081aa109b78ed88beef3';

describe('resolveMissing narrowed by inScope', () => {
  it('resolves only the unseen findings the predicate accepts, of every given type', async () => {
    // Prepare: two repositories of a slice (one deleted) and one of another slice, with an image each
    const { repository: store } = repositoryOn(dynamo);
    const kept = repository('slice/kept');
    const deleted = repository('slice/deleted');
    const elsewhere = repository('other/untouched');
    await store.applyEvaluation([
      finding(CHECKS.scanOnPush, kept, 'FAIL', at(0)),
      finding(CHECKS.scanOnPush, deleted, 'FAIL', at(0)),
      finding(CHECKS.scanOnPush, elsewhere, 'FAIL', at(0)),
      finding(CHECKS.noCritical, image('slice/deleted', DIGEST), 'FAIL', at(0)),
      finding(CHECKS.noCritical, image('other/untouched', DIGEST), 'FAIL', at(0)),
    ]);
    const slice = new Set(['slice/kept', 'slice/deleted']);
    // Act: the slice saw `slice/kept` only
    const changes = await store.resolveMissing({
      accountId: ACCOUNT,
      region: REGION,
      resourceTypes: ['ecr-repository', 'ecr-image'],
      presentResourceIds: [kept.id],
      reason: 'Not found by the sweep',
      at: at(30),
      inScope: (stored) => slice.has(stored.resourceName.split('@')[0] ?? ''),
    });
    // Assess
    expect(changes.map((change) => [change.resourceId, change.transition]).sort()).toEqual(
      [
        [deleted.id, 'resolved'],
        [image('slice/deleted', DIGEST).id, 'resolved'],
      ].sort(),
    );
    expect((await store.findingsForResource(elsewhere.id))[0]?.state).toBe('OPEN');
    expect((await store.findingsForResource(image('other/untouched', DIGEST).id))[0]?.state).toBe('OPEN');
    expect((await store.findingsForResource(kept.id))[0]?.state).toBe('OPEN');
  });
});
