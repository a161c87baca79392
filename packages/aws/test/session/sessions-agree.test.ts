import { fileURLToPath } from 'node:url';
import type { Resource, ResourceRef } from '@customs/core';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsCollector, SnapshotCollector } from '../../src/index.js';
import { type MockedAws, mockAws } from '../live/helpers/mock-aws.js';
import { readSnapshotDir } from '../live/helpers/snapshot-files.js';

const DEMO = fileURLToPath(new URL('../../../local/snapshots/demo/', import.meta.url));

let aws: MockedAws | undefined;
afterEach(() => aws?.restore());

/**
 * A smoke test of the two sessions, not of two readers (there is one set): the live session (pages
 * of 2 merged, filtered calls filtered by the mocked AWS, not-found errors) and the snapshot session
 * (whole files, filtered by the readers) give the readers the same answers on the demo account.
 */
describe('the live and snapshot sessions on the demo account', () => {
  it('give the same resources for the sweep and for a re-read of every resource by its ref', async () => {
    // Prepare: every list split into pages of 2, so each paginator pages
    aws = mockAws(readSnapshotDir(DEMO), { pageSize: 2 });
    const snapshot = await SnapshotCollector.open(DEMO);
    const live = await AwsCollector.open({ region: 'eu-west-1', clients: aws.clients('eu-west-1') });
    // Act
    const [fromAws, fromSnapshot] = await Promise.all([live.collectAll(), snapshot.collectAll()]);
    const refs = fromSnapshot.resources.map((resource) => refOf(resource));
    const [reread, rereadSnapshot] = await Promise.all([live.collect(refs), snapshot.collect(refs)]);
    // Assess
    expect(live.scope).toEqual(snapshot.scope);
    // The demo's legacy cluster has no Kubernetes files: the mocked API answers 403, the snapshot "not recorded"
    expect(fromAws.warnings).toEqual([
      expect.stringMatching(
        /^k8s:GetVersion \(legacy\) failed: KubernetesApiError: cluster legacy: GET \/version: 403 Forbidden/,
      ),
    ]);
    expect(fromAws.resources).toHaveLength(83);
    const legacyApi = (resources: Resource[]) =>
      resources.filter((resource) => resource.type === 'k8s-cluster' && resource.name === 'legacy');
    for (const resources of [fromAws.resources, fromSnapshot.resources])
      expect(legacyApi(resources).map((resource) => Object.keys(resource.unreadable ?? {}))).toEqual([
        ['api', 'clusterRoleBindings', 'roleBindings', 'clusterRoles', 'roles', 'counts'],
      ]);
    const readable = (resources: Resource[]) => resources.filter((resource) => !legacyApi([resource]).length);
    expect(readable(fromAws.resources)).toEqual(readable(fromSnapshot.resources));
    expect(aws.sent.filter((command) => command.action === 'ecr:DescribeImages').length).toBeGreaterThan(5);
    const byId = (list: { type: string; id: string }[]) =>
      [...list].sort((a, b) => `${a.type} ${a.id}`.localeCompare(`${b.type} ${b.id}`));
    expect(reread.missing).toEqual([]);
    expect(byId(readable(reread.resources))).toEqual(byId(readable(rereadSnapshot.resources)));
  });
});

function refOf(resource: Resource): ResourceRef {
  const { type } = resource;
  switch (resource.type) {
    case 'ecr-image':
      return { type, name: resource.digest, parent: resource.repositoryName };
    case 'eks-nodegroup':
      return { type, name: resource.name.split('/')[1] ?? '', parent: resource.clusterName };
    case 'eks-access-entry':
      return { type, name: resource.principalArn, parent: resource.clusterName };
    case 'iam-policy':
      return resource.kind === 'inline'
        ? {
            type,
            name: resource.name.split('/').slice(1).join('/'),
            parent: resource.id.split('/inline-policy/')[0] ?? '',
          }
        : { type, name: resource.id };
    default:
      return { type, name: resource.name };
  }
}
