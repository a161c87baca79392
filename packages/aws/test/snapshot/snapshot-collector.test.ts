import { rm } from 'node:fs/promises';
import type { Resource, ResourceOf } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { SnapshotCollector } from '../../src/index.js';
import { writeSnapshot } from '../helpers/snapshot-dir.js';
import {
  ACCOUNT,
  ADMIN_ROLE,
  DIGEST,
  ecrEksSnapshot,
  iamSnapshot,
  REGION,
  TEMPLATE,
} from '../helpers/snapshots.js';

function ofType<T extends Resource['type']>(resources: Resource[], type: T): ResourceOf<T>[] {
  return resources.filter((resource): resource is ResourceOf<T> => resource.type === type);
}

describe('SnapshotCollector', () => {
  describe('collectAll', () => {
    it('reads every resource of an ECR and EKS snapshot', async () => {
      // Prepare
      const collector = await SnapshotCollector.open(await writeSnapshot(ecrEksSnapshot()));
      // Act
      const { resources, missing, warnings } = await collector.collectAll();
      // Assess
      expect(collector.scope).toEqual({ accountId: ACCOUNT, region: REGION });
      expect(collector.capturedAt).toEqual(new Date('2026-11-28T12:00:00Z'));
      expect(resources.map((resource) => `${resource.type} ${resource.name}`)).toEqual([
        `ecr-registry ${ACCOUNT}`,
        'ecr-repository team/app',
        'ecr-repository ubuntu',
        `ecr-image team/app@${DIGEST}`,
        'eks-cluster my-eks-cluster',
        'eks-nodegroup my-eks-cluster/my-eks-nodegroup',
        `eks-access-entry my-eks-cluster/${ADMIN_ROLE}`,
        'eks-access-entry my-eks-cluster/arn:aws:iam::111122223333:role/admin-test-ip',
        'eks-access-entry my-eks-cluster/arn:aws:iam::111122223333:role/assume-worker-node-role',
        'eks-access-entry my-eks-cluster/arn:aws:iam::111122223333:user/eks-admin-user',
        // no k8s/ files: the cluster's Kubernetes API is unknown (k8s-snapshot.test.ts)
        'k8s-cluster my-eks-cluster',
      ]);
      expect(missing).toEqual([]);
      expect(warnings).toEqual([]);
    });

    it('reads a repository whose name has a slash, with its ISO timestamp, policy and lifecycle policy', async () => {
      const collector = await SnapshotCollector.open(await writeSnapshot(ecrEksSnapshot()));
      const [teamApp, ubuntu] = ofType((await collector.collectAll()).resources, 'ecr-repository');
      expect(teamApp).toMatchObject({
        id: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/app`,
        createdAt: new Date('2026-03-14T15:31:44.348Z'),
        imageTagMutability: 'IMMUTABLE',
        policy: { Statement: [{ Sid: 'allow public pull', Principal: '*' }] },
      });
      expect(teamApp?.lifecyclePolicy).toContain('"countNumber":14');
      // A missing per-resource file is the service's not-found: no policy, no lifecycle policy.
      expect(ubuntu).toMatchObject({ name: 'ubuntu', policy: null, lifecyclePolicy: null });
      expect(ubuntu?.unreadable).toBeUndefined();
    });

    it('reads an image with an epoch push time and the scan of DescribeImageScanFindings', async () => {
      const collector = await SnapshotCollector.open(await writeSnapshot(ecrEksSnapshot()));
      const [image] = ofType((await collector.collectAll()).resources, 'ecr-image');
      expect(image).toMatchObject({
        id: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/app@${DIGEST}`,
        repositoryName: 'team/app',
        tags: ['v1.13.6'],
        pushedAt: new Date('2019-08-06T21:51:15Z'),
        scan: { status: 'COMPLETE', severityCounts: { MEDIUM: 1 } },
      });
    });

    it('joins EKS and EC2 files: launch template $Latest, subnets, security group, Fargate', async () => {
      const collector = await SnapshotCollector.open(await writeSnapshot(ecrEksSnapshot()));
      const { resources } = await collector.collectAll();
      const [cluster] = ofType(resources, 'eks-cluster');
      const [nodegroup] = ofType(resources, 'eks-nodegroup');
      expect(cluster?.fargateProfiles).toEqual([
        { name: 'my-fargate-profile', namespaces: ['prod*', '*dev*'] },
      ]);
      expect(cluster?.nodegroups.map((summary) => summary.name)).toEqual(['my-eks-nodegroup']);
      expect(cluster?.clusterSecurityGroup?.ingress[0]?.ipv4Ranges).toEqual(['0.0.0.0/0']);
      expect(nodegroup?.launchTemplate).toEqual({
        id: TEMPLATE,
        name: 'Webservers',
        version: '3',
        metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' },
      });
      expect(nodegroup?.subnets[0]).toEqual({
        subnetId: 'subnet-0e2907431c9988b72',
        mapPublicIpOnLaunch: true,
      });
    });

    it('reads IAM from AWS’s sample despite its quirks, warning with the file and field', async () => {
      // Prepare
      const collector = await SnapshotCollector.open(await writeSnapshot(iamSnapshot()));
      // Act
      const { resources, warnings } = await collector.collectAll();
      // Assess
      expect(collector.scope).toEqual({ accountId: '123456789012', region: 'us-east-1' });
      expect(collector.capturedAt).toBeUndefined();
      expect(warnings).toEqual([
        'account.json: no region given or found in ARNs; assumed us-east-1',
        'iam/GetAccountAuthorizationDetails.json: IsTruncated: true; the later pages are missing',
        'iam/GetAccountAuthorizationDetails.json: GroupDetailList[0].AttachedManagedPolicies: an object where AWS documents a list; read as a list of one',
        'iam/GetAccountAuthorizationDetails.json: GroupDetailList[1].AttachedManagedPolicies: an object where AWS documents a list; read as a list of one',
      ]);
      const counts = Object.fromEntries(
        ['iam-user', 'iam-role', 'iam-policy', 'iam-account'].map((type) => [
          type,
          ofType(resources, type as Resource['type']).length,
        ]),
      );
      expect(counts).toEqual({ 'iam-user': 3, 'iam-role': 1, 'iam-policy': 9, 'iam-account': 1 });
    });

    it('takes users’ credentials from the credential report, else the per-user files, else marks them unreadable', async () => {
      const collector = await SnapshotCollector.open(await writeSnapshot(iamSnapshot()));
      const [alice, bob, charlie] = ofType((await collector.collectAll()).resources, 'iam-user');
      expect(alice).toMatchObject({
        passwordEnabled: true,
        mfaActive: true,
        passwordLastUsed: new Date('2015-06-10T10:00:00Z'),
      });
      expect(bob).toMatchObject({ passwordEnabled: true, mfaActive: true });
      expect(bob?.accessKeys.map((key) => key.active)).toEqual([true, false]);
      expect(charlie?.unreadable?.mfaActive).toMatch(/neither in iam\/GetCredentialReport.json/);
      const [account] = ofType((await collector.collectAll()).resources, 'iam-account');
      expect(account).toMatchObject({ rootMfaEnabled: true, rootAccessKeysPresent: false });
    });

    it('reads each file once: a second sweep is served after the files are gone', async () => {
      const dir = await writeSnapshot(ecrEksSnapshot());
      const collector = await SnapshotCollector.open(dir);
      const first = await collector.collectAll();
      await rm(dir, { recursive: true, force: true });
      const second = await collector.collectAll();
      expect(second.resources).toEqual(first.resources);
    });
  });

  describe('collect', () => {
    it('re-reads the named resources and returns deleted ones as missing', async () => {
      // Prepare
      const collector = await SnapshotCollector.open(await writeSnapshot(ecrEksSnapshot()));
      // Act
      const { resources, missing, warnings } = await collector.collect([
        { type: 'ecr-repository', name: 'team/app' },
        { type: 'ecr-image', name: DIGEST, parent: 'team/app' },
        { type: 'eks-nodegroup', name: 'my-eks-nodegroup', parent: 'my-eks-cluster' },
        { type: 'eks-access-entry', name: ADMIN_ROLE, parent: 'my-eks-cluster' },
        { type: 'ecr-registry', name: ACCOUNT },
        { type: 'eks-cluster', name: 'qa' },
        { type: 'ecr-repository', name: 'team/deleted' },
        { type: 'ecr-image', name: 'sha256:0000', parent: 'team/app' },
        { type: 'eks-access-entry', name: 'arn:aws:iam::111122223333:role/gone', parent: 'my-eks-cluster' },
      ]);
      // Assess
      expect(resources.map((resource) => resource.type)).toEqual([
        'ecr-repository',
        'ecr-image',
        'eks-nodegroup',
        'eks-access-entry',
        'ecr-registry',
      ]);
      expect(missing.map((ref) => ref.name)).toEqual([
        'qa',
        'team/deleted',
        'sha256:0000',
        'arn:aws:iam::111122223333:role/gone',
      ]);
      expect(warnings).toEqual([]);
    });

    it('returns a user with its inline policies, and an unattached managed policy alone', async () => {
      const collector = await SnapshotCollector.open(await writeSnapshot(iamSnapshot()));
      const user = await collector.collect([{ type: 'iam-user', name: 'Bob' }]);
      const policy = await collector.collect([
        { type: 'iam-policy', name: 'arn:aws:iam::123456789012:policy/S3-read-only-specific-bucket' },
        { type: 'iam-policy', name: 'DenyBillingAndIAMPolicy', parent: 'arn:aws:iam::123456789012:user/Bob' },
        { type: 'iam-user', name: 'Mallory' },
      ]);
      expect(user.resources.map((resource) => resource.id)).toEqual([
        'arn:aws:iam::123456789012:user/Bob',
        'arn:aws:iam::123456789012:user/Bob/inline-policy/DenyBillingAndIAMPolicy',
      ]);
      expect(policy.resources.map((resource) => resource.id)).toEqual([
        'arn:aws:iam::123456789012:policy/S3-read-only-specific-bucket',
        'arn:aws:iam::123456789012:user/Bob/inline-policy/DenyBillingAndIAMPolicy',
      ]);
      expect(policy.missing).toEqual([{ type: 'iam-user', name: 'Mallory' }]);
    });

    it('skips refs of another account or region with a warning, without calling them missing', async () => {
      const collector = await SnapshotCollector.open(await writeSnapshot(ecrEksSnapshot()));
      const result = await collector.collect([
        { type: 'eks-cluster', name: 'my-eks-cluster', region: 'eu-west-1' },
        { type: 'ecr-repository', name: 'team/app', accountId: '444455556666' },
      ]);
      expect(result.resources).toEqual([]);
      expect(result.missing).toEqual([]);
      expect(result.warnings).toEqual([
        `ref eks-cluster my-eks-cluster skipped: region eu-west-1 is not the snapshot's (${REGION})`,
        `ref ecr-repository team/app skipped: account 444455556666 is not the snapshot's (${ACCOUNT})`,
      ]);
    });
  });
});
