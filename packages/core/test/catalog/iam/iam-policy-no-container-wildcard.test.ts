import { describe, expect, it } from 'vitest';
import { iamPolicyNoContainerWildcard as check } from '../../../src/catalog/iam/iam-policy-no-container-wildcard.js';
import { awsManagedPolicy, inlinePolicy, managedPolicy } from '../../helpers/iam.js';
import { iamPolicy } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

/** AmazonEC2ContainerRegistryFullAccess's shape: ecr:* on every resource, next to another service's action. */
const ECR_FULL_ACCESS = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['ecr:*', 'cloudtrail:LookupEvents'], Resource: '*' },
    {
      Effect: 'Allow',
      Action: ['iam:CreateServiceLinkedRole'],
      Resource: '*',
      Condition: { StringEquals: { 'iam:AWSServiceName': ['replication.ecr.amazonaws.com'] } },
    },
  ],
};

describe('iam-policy-no-container-wildcard', () => {
  it('passes scoped ECR and EKS actions', () => {
    const policy = managedPolicy('ci-push', {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
        {
          Effect: 'Allow',
          Action: ['ecr:PutImage', 'ecr:UploadLayerPart'],
          Resource: 'arn:aws:ecr:eu-west-1:111122223333:repository/team/app',
        },
        { Effect: 'Allow', Action: 'eks:DescribeCluster', Resource: '*' },
      ],
    });
    expect(runCheck(check, policy)).toEqual({
      status: 'PASS',
      message: 'Policy ci-push does not allow ecr:* or eks:* on Resource "*"',
    });
  });

  it('fails an attached AWS managed policy granting ecr:* on "*"', () => {
    const outcome = runCheck(
      check,
      awsManagedPolicy('AmazonEC2ContainerRegistryFullAccess', ECR_FULL_ACCESS),
    );
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Policy AmazonEC2ContainerRegistryFullAccess allows ecr:* on Resource "*" in Statement[0]',
    });
  });

  it('fails eks:* given as a single string in a single Statement object, whatever its case', () => {
    const policy = inlinePolicy('arn:aws:iam::111122223333:role/platform', 'eks-admin', {
      Version: '2012-10-17',
      Statement: { Sid: 'Clusters', Effect: 'Allow', Action: 'EKS:*', Resource: '*' },
    });
    const outcome = runCheck(check, policy);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toBe(
      'Policy eks-admin allows eks:* on Resource "*" in Statement[0] (Sid "Clusters")',
    );
  });

  it('names both wildcards and every offending statement', () => {
    const policy = managedPolicy('platform', {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['ecr:*', 'eks:*'], Resource: ['*'] },
        { Sid: 'Again', Effect: 'Allow', Action: 'ecr:*', Resource: '*' },
      ],
    });
    expect(runCheck(check, policy).message).toBe(
      'Policy platform allows ecr:* and eks:* on Resource "*" in Statement[0], ecr:* on Resource "*" in Statement[1] (Sid "Again")',
    );
  });

  it('passes service wildcards that are denied or limited to named resources', () => {
    const policy = managedPolicy('guarded', {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', Action: ['ecr:*', 'eks:*'], Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'ecr:*',
          Resource: 'arn:aws:ecr:eu-west-1:111122223333:repository/sandbox/*',
        },
      ],
    });
    expect(runCheck(check, policy).status).toBe('PASS');
  });

  it('leaves a bare "*" to iam-policy-no-admin', () => {
    const admin = managedPolicy('admin', {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: '*', Resource: '*' },
    });
    expect(runCheck(check, admin).status).toBe('PASS');
  });

  it('is not applicable to an unattached policy, AWS managed or not', () => {
    const unattachedAws = awsManagedPolicy('AmazonEC2ContainerRegistryFullAccess', ECR_FULL_ACCESS, {
      attachmentCount: 0,
      attachedTo: [],
    });
    const outcome = runCheck(check, unattachedAws);
    expect(outcome).toEqual({
      status: 'NOT_APPLICABLE',
      message: 'Policy AmazonEC2ContainerRegistryFullAccess is not attached to any user, group or role',
    });
  });

  it('fails closed when an attached policy has no document', () => {
    const outcome = runCheck(check, iamPolicy({ name: 'mystery', document: undefined }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('unknown');
  });
});
