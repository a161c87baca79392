import { describe, expect, it } from 'vitest';
import {
  callPath,
  everyCall,
  missingMeans,
  SnapshotError,
  SnapshotFiles,
  SnapshotSession,
} from '../../src/index.js';
import { writeSnapshot } from '../helpers/snapshot-dir.js';

/** A session over a fresh snapshot directory of these files. */
async function sessionOf(files: Record<string, unknown>) {
  return new SnapshotSession(new SnapshotFiles(await writeSnapshot(files)));
}

const never = () => {
  throw new Error('a snapshot never sends a request');
};

describe('SnapshotSession', () => {
  it('answers a call with its file, validated, and never sends the request', async () => {
    // Prepare
    const session = await sessionOf({ 'eks/DescribeCluster/prod.json': { cluster: { name: 'prod' } } });
    // Act
    const body = await session.send({ service: 'eks', operation: 'DescribeCluster', keys: ['prod'] }, never);
    // Assess
    expect(body).toEqual({ cluster: { name: 'prod' } });
  });

  it('reads a missing file as CALLS says: absent per resource, not recorded (naming the file) account-wide', async () => {
    // Prepare: an empty snapshot
    const session = await sessionOf({});
    // Act
    const answers = await Promise.all(
      everyCall()
        .filter(({ info }) => info.schema !== undefined)
        .map(async function ask({ service, operation, info }) {
          const spec = { service, operation, keys: info.keys.map((key) => `a-${key}`) } as never;
          const body = info.stored ? await session.stored(spec) : await session.read(spec, never);
          return { path: callPath(spec), meaning: missingMeans(service, operation), body };
        }),
    );
    // Assess
    for (const { path, meaning, body } of answers) {
      if (meaning === 'absent') expect(body, path).toBeUndefined();
      else expect(body, path).toMatchObject({ unreadable: `not in the snapshot: ${path}` });
    }
    expect(answers.filter((answer) => answer.meaning === 'absent').length).toBeGreaterThan(10);
    expect(missingMeans('ecr', 'GetRepositoryPolicy')).toBe('absent');
    expect(missingMeans('ec2', 'DescribeSubnets')).toBe('not-recorded');
  });

  it('answers a filtered call with the whole file (the reader filters it, as AWS does)', async () => {
    const session = await sessionOf({
      'ecr/DescribeRepositories.json': { repositories: [{ repositoryName: 'a' }, { repositoryName: 'b' }] },
    });
    const body = await session.paginate(
      { service: 'ecr', operation: 'DescribeRepositories', variant: 'b' },
      never,
    );
    expect(body).toEqual({ repositories: [{ repositoryName: 'a' }, { repositoryName: 'b' }] });
  });

  it('throws SnapshotError naming the file and field of a body of the wrong shape', async () => {
    const session = await sessionOf({ 'ec2/DescribeSubnets.json': { Subnets: [{ SubnetId: 7 }] } });
    const read = session.paginate({ service: 'ec2', operation: 'DescribeSubnets' }, never);
    await expect(read).rejects.toThrow(SnapshotError);
    await expect(read).rejects.toThrow('ec2/DescribeSubnets.json: Subnets[0].SubnetId: expected string');
  });

  it('reports the warnings of the files it read, then the readers’, each once', async () => {
    // Prepare
    const session = await sessionOf({
      'eks/ListClusters.json': { clusters: ['a'], nextToken: 'more' },
      'eks/ListNodegroups/a.json': { nodegroups: [], nextToken: 'more' },
    });
    // Act
    await session.paginate({ service: 'eks', operation: 'ListClusters' }, never);
    session.warn('eks/ListClusters.json: an odd field');
    session.warn('eks/ListClusters.json: an odd field');
    // Assess: ListNodegroups was not read, so its warning is not this session's
    expect(session.warnings).toEqual([
      'eks/ListClusters.json: nextToken is set; the later pages are missing',
      'eks/ListClusters.json: an odd field',
    ]);
  });
});
