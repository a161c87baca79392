import { findingId } from '@customs/core';
import { type LocalPipeline, startLocalPipeline } from '@customs/local';
import { runSweep } from '@customs/pipeline';
import type { StoredFinding } from '@customs/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCopy, editJson } from '../helpers/demo-copy.js';
import { demoCloudTrail, demoImageAction, sampleEvent } from '../helpers/sample-events.js';

const REPOSITORY = 'team/payments-api';
const VULNERABLE = 'sha256:44499ddb1996eb549712d822982efae2e112bf51d8c6081aa109b78ed88beef3';
const IMAGE_ID = `arn:aws:ecr:eu-west-1:111122223333:repository/${REPOSITORY}@${VULNERABLE}`;

type ImageList = { imageDetails: { imageDigest: string }[] };

async function allFindings(pipeline: LocalPipeline): Promise<StoredFinding[]> {
  const findings: StoredFinding[] = [];
  for (const status of ['PASS', 'FAIL', 'NOT_APPLICABLE', 'ERROR'] as const) {
    let cursor: string | undefined;
    do {
      const page = await pipeline.repository.listFindings({
        status,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      findings.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
  }
  return findings.sort((a, b) => a.id.localeCompare(b.id));
}

describe('the event pipeline: bus → handler → collector → evaluation → DynamoDB Local', () => {
  let snapshot: string;
  let pipeline: LocalPipeline;

  beforeAll(async () => {
    snapshot = await demoCopy();
    pipeline = await startLocalPipeline({ snapshotDir: snapshot });
  });
  afterAll(async () => {
    await pipeline?.stop();
  });

  it('opens the findings of a vulnerable image pushed, and resolves them when it is deleted', async () => {
    // Act: the push is re-read from the account (the snapshot), evaluated and stored
    const pushed = await pipeline.bus.publish(demoImageAction('PUSH', REPOSITORY, VULNERABLE, 'v2.13.1'));
    // Assess
    expect(pushed.outcome).toBe('delivered');
    const opened = pushed.outcome === 'delivered' ? pushed.results.flatMap((r) => r.changes) : [];
    expect(
      opened
        .filter((c) => c.transition === 'opened')
        .map((c) => c.checkId)
        .sort(),
    ).toEqual([
      'ecr-image-no-critical-vulnerabilities',
      'ecr-image-no-high-vulnerabilities',
      'ecr-image-recently-rebuilt',
    ]);

    // Prepare: the image is deleted from the account
    await editJson<ImageList>(snapshot, 'ecr/DescribeImages/team%2Fpayments-api.json', (body) => ({
      imageDetails: body.imageDetails.filter((image) => image.imageDigest !== VULNERABLE),
    }));
    // Act
    const deleted = await pipeline.bus.publish(demoImageAction('DELETE', REPOSITORY, VULNERABLE, 'v2.13.1'));
    // Assess
    const resolved = deleted.outcome === 'delivered' ? deleted.results.flatMap((r) => r.changes) : [];
    expect(
      resolved
        .filter((c) => c.transition === 'resolved')
        .map((c) => c.checkId)
        .sort(),
    ).toEqual([
      'ecr-image-no-critical-vulnerabilities',
      'ecr-image-no-high-vulnerabilities',
      'ecr-image-recently-rebuilt',
    ]);
    const id = findingId('ecr-image-no-critical-vulnerabilities', IMAGE_ID);
    expect((await pipeline.repository.getFinding(id))?.state).toBe('RESOLVED');
    const history = await pipeline.repository.history(id);
    expect(history.items.map((entry) => entry.transition)).toEqual(['resolved', 'opened']);
  });

  it('stores nothing new when an event is delivered twice', async () => {
    const event = demoCloudTrail('aws.eks', 'UpdateClusterConfig', { name: 'legacy' });
    const first = await pipeline.bus.publish(event);
    const second = await pipeline.bus.publish(event);
    const changes = (delivery: typeof first) =>
      delivery.outcome === 'delivered' ? delivery.results.flatMap((r) => r.changes) : [];
    expect(changes(first).some((c) => c.transition === 'opened')).toBe(true);
    expect(changes(second).map((c) => c.transition)).toEqual(changes(second).map(() => 'unchanged'));
    const id = findingId(
      'eks-cluster-endpoint-not-public',
      'arn:aws:eks:eu-west-1:111122223333:cluster/legacy',
    );
    expect((await pipeline.repository.history(id)).items).toHaveLength(1);
  });

  it('rejects a malformed event, naming the field, before anything is read or written', async () => {
    // Prepare
    const before = await allFindings(pipeline);
    const event = demoImageAction('PUSH', REPOSITORY, VULNERABLE, 'v2.13.1');
    delete event.detail['image-digest'];
    // Act & Assess
    await expect(pipeline.bus.publish(event)).rejects.toThrow(/^detail\.image-digest: /);
    expect(await allFindings(pipeline)).toEqual(before);
  });

  it('ignores an event of another account, saying so, and changes nothing', async () => {
    const delivery = await pipeline.bus.publish(sampleEvent('ecr-image-action-push'));
    expect(delivery.outcome).toBe('delivered');
    if (delivery.outcome !== 'delivered') return;
    expect(delivery.results.flatMap((r) => r.changes)).toEqual([]);
    expect(delivery.results.flatMap((r) => r.warnings).join()).toContain(
      "account 123456789012 is not the snapshot's",
    );
  });

  it('converges when concurrent deliveries of one event race', async () => {
    // Prepare: a user no event has assessed yet
    const event = demoCloudTrail('aws.iam', 'DeactivateMFADevice', { userName: 'tom.becker' });
    // Act
    const deliveries = await Promise.all(Array.from({ length: 5 }, () => pipeline.bus.publish(event)));
    // Assess: each finding was created once; the racers saw it unchanged
    const changes = deliveries.flatMap((d) =>
      d.outcome === 'delivered' ? d.results.flatMap((r) => r.changes) : [],
    );
    const byFinding = new Map<string, typeof changes>();
    for (const change of changes)
      byFinding.set(change.findingId, [...(byFinding.get(change.findingId) ?? []), change]);
    for (const [id, transitions] of byFinding) {
      expect(
        transitions.filter((c) => c.transition !== 'unchanged' && c.transition !== 'stale'),
      ).toHaveLength(1);
      const stored = await pipeline.repository.getFinding(id);
      expect(stored?.version).toBe(1);
      expect((await pipeline.repository.history(id)).items).toHaveLength(1);
    }
  });

  it('sweeps the whole account, then resolves the findings of a repository that is gone', async () => {
    // Act
    const first = await runSweep(pipeline.dependencies);
    await editJson<{ repositories: { repositoryName: string }[] }>(
      snapshot,
      'ecr/DescribeRepositories.json',
      (body) => ({
        repositories: body.repositories.filter((repository) => repository.repositoryName !== 'sdk-samples'),
      }),
    );
    const second = await runSweep(pipeline.dependencies);
    // Assess
    expect(first.resources).toBeGreaterThan(40);
    const gone = second.changes.filter((c) => c.resourceId.includes(':repository/sdk-samples'));
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.filter((c) => c.transition === 'resolved').map((c) => c.checkId)).toContain(
      'ecr-repository-not-public',
    );
    expect(
      second.changes.filter((c) => !c.resourceId.includes('sdk-samples') && c.transition !== 'unchanged'),
    ).toEqual([]);
  });
});
