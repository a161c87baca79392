import { describe, expect, it } from 'vitest';
import { eventToResourceRefs } from '../../src/refs/event-to-refs.js';
import { parseEvent } from '../../src/schemas/parse-event.js';
import { sampleEvent } from '../load-event.js';

const refsOf = (event: unknown) => eventToResourceRefs(parseEvent(event));

/** AWS's CreateCluster sample, its placeholder Region (`region-code`) replaced by a real one. */
function createCluster(region = 'eu-west-1') {
  const event = sampleEvent('cloudtrail-eks-createcluster');
  return { ...event, region, detail: { ...event.detail, awsRegion: region } };
}

/** A CloudTrail event built from AWS's CreateCluster sample with another call and parameters. */
function cloudTrail(
  source: string,
  eventSource: string,
  eventName: string,
  requestParameters: object,
  extra = {},
) {
  const event = createCluster();
  return {
    ...event,
    source,
    detail: { ...event.detail, eventSource, eventName, requestParameters, responseElements: null, ...extra },
  };
}

describe('eventToResourceRefs', () => {
  it('re-assesses the pushed image and its repository', () => {
    expect(refsOf(sampleEvent('ecr-image-action-push'))).toEqual([
      {
        type: 'ecr-image',
        name: 'sha256:7f5b2640fe6fb4f46592dfd3410c4a79dac4f89e4782432e0378abcd1234',
        parent: 'my-repository-name',
        accountId: '123456789012',
        region: 'us-west-2',
      },
      { type: 'ecr-repository', name: 'my-repository-name', accountId: '123456789012', region: 'us-west-2' },
    ]);
  });

  it('reads the repository name out of the ARN Inspector2 Scan sends as repository-name', () => {
    const [ref] = refsOf(sampleEvent('inspector2-scan-ecr'));
    expect(ref).toMatchObject({ type: 'ecr-image', parent: 'amazon/amazon-ecs-sample', region: 'us-east-2' });
  });

  it('re-assesses the image of an Inspector2 finding', () => {
    expect(refsOf(sampleEvent('inspector2-finding-ecr'))).toEqual([
      {
        type: 'ecr-image',
        name: 'sha256:36c7b282abd0186e01419f2e58743e1bf635808231049bbc9d77e5EXAMPLE',
        parent: 'amazon/amazon-ecs-sample',
        accountId: '123456789012',
        region: 'us-east-2',
      },
    ]);
  });

  it('re-assesses the repository of a CloudTrail CreateRepository and the cluster of CreateCluster', () => {
    expect(refsOf(sampleEvent('cloudtrail-ecr-createrepository'))).toEqual([
      { type: 'ecr-repository', name: 'testrepo', accountId: '123456789012', region: 'us-east-2' },
    ]);
    expect(refsOf(createCluster())).toEqual([
      { type: 'eks-cluster', name: 'test', accountId: '111122223333', region: 'eu-west-1' },
    ]);
  });

  it("rejects the documentation's placeholder Region, naming the field", () => {
    expect(() => refsOf(sampleEvent('cloudtrail-eks-createcluster'))).toThrow(
      /^not an EventBridge event: region: must be an AWS Region name/,
    );
  });

  it('re-assesses a nodegroup with its cluster, and an access entry by principal', () => {
    const nodegroup = cloudTrail('aws.eks', 'eks.amazonaws.com', 'UpdateNodegroupConfig', {
      name: 'prod',
      nodegroupName: 'workers',
    });
    expect(refsOf(nodegroup).map((r) => [r.type, r.parent, r.name])).toEqual([
      ['eks-nodegroup', 'prod', 'workers'],
      ['eks-cluster', undefined, 'prod'],
    ]);
    const entry = cloudTrail('aws.eks', 'eks.amazonaws.com', 'AssociateAccessPolicy', {
      clusterName: 'prod',
      principalArn: 'arn:aws:iam::111122223333:role/Admin',
      policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
    });
    expect(refsOf(entry)).toMatchObject([
      { type: 'eks-access-entry', parent: 'prod', name: 'arn:aws:iam::111122223333:role/Admin' },
    ]);
  });

  it("re-assesses a deleted cluster and its Kubernetes side, so the cluster's Kubernetes findings resolve with it", () => {
    // Prepare: AWS's CreateCluster sample as a DeleteCluster of `prod`
    const deleted = cloudTrail('aws.eks', 'eks.amazonaws.com', 'DeleteCluster', { name: 'prod' });
    const updated = cloudTrail('aws.eks', 'eks.amazonaws.com', 'UpdateClusterConfig', { name: 'prod' });

    // Act & Assess: only the deletion names the k8s-cluster (its API and RBAC go with the cluster)
    expect(refsOf(deleted).map((r) => [r.type, r.name, r.region])).toEqual([
      ['eks-cluster', 'prod', 'eu-west-1'],
      ['k8s-cluster', 'prod', 'eu-west-1'],
    ]);
    expect(refsOf(updated).map((r) => r.type)).toEqual(['eks-cluster']);
  });

  it('re-assesses the user of an IAM call, and both user and policy of an attachment', () => {
    expect(refsOf(sampleEvent('cloudtrail-iam-createuser'))).toMatchObject([
      { type: 'iam-user', name: 'Bob' },
    ]);
    const attach = cloudTrail('aws.iam', 'iam.amazonaws.com', 'AttachUserPolicy', {
      userName: 'Bob',
      policyArn: 'arn:aws:iam::111122223333:policy/ecr-admin',
    });
    expect(refsOf(attach).map((r) => [r.type, r.name])).toEqual([
      ['iam-user', 'Bob'],
      ['iam-policy', 'arn:aws:iam::111122223333:policy/ecr-admin'],
    ]);
  });

  it('attributes a root user access key to the account', () => {
    const event = cloudTrail(
      'aws.iam',
      'iam.amazonaws.com',
      'CreateAccessKey',
      {},
      { userIdentity: { type: 'Root' } },
    );
    expect(refsOf(event)).toMatchObject([{ type: 'iam-account', name: '111122223333' }]);
  });

  it('yields nothing for a failed call or a call no check depends on', () => {
    const failed = cloudTrail(
      'aws.iam',
      'iam.amazonaws.com',
      'CreateUser',
      { userName: 'x' },
      { errorCode: 'AccessDenied' },
    );
    expect(refsOf(failed)).toEqual([]);
    expect(refsOf(cloudTrail('aws.iam', 'iam.amazonaws.com', 'GetUserPolicy', { userName: 'x' }))).toEqual(
      [],
    );
  });

  it('re-assesses each repository of a scan frequency change, once', () => {
    const event = {
      ...sampleEvent('ecr-image-scan-basic'),
      'detail-type': 'ECR Scan Resource Change',
      detail: {
        'action-type': 'SCAN_FREQUENCY_CHANGE',
        repositories: [
          { 'repository-name': 'repository-1', 'scan-frequency': 'SCAN_ON_PUSH' },
          { 'repository-name': 'repository-1', 'scan-frequency': 'SCAN_ON_PUSH' },
          { 'repository-name': 'repository-2', 'scan-frequency': 'CONTINUOUS_SCAN' },
        ],
        'resource-type': 'REPOSITORY',
        'scan-type': 'ENHANCED',
      },
    };
    expect(refsOf(event).map((r) => r.name)).toEqual(['repository-1', 'repository-2']);
  });
});
