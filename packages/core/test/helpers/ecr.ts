import { parsePolicyDocument } from '../../src/policy/index.js';
import type { EcrImageScan } from '../../src/types/ecr-image-scan.js';
import type { PolicyDocument, PolicyStatement } from '../../src/types/policy.js';
import { NOW } from './resources.js';

/** The builders' account (resources.ts) and another account. */
export const OWN_ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';

/**
 * `policyText` of AWS's `aws ecr get-repository-policy` example output, as published
 * (awscli/examples/ecr/get-repository-policy.rst; /work/shared/aws-samples/cli/ecr/get-repository-policy.json).
 */
export const PUBLIC_PULL_POLICY_TEXT =
  '{\n  "Version" : "2008-10-17",\n  "Statement" : [ {\n    "Sid" : "allow public pull",\n    "Effect" : "Allow",\n    "Principal" : "*",\n    "Action" : [ "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer" ]\n  } ]\n}';

/** The pull actions of the ECR User Guide's repository policy examples. */
export const PULL_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
];

/** ECR User Guide, "Allow one or more users": push and pull for users of the account. */
export const ALLOW_PUSH_PULL: PolicyStatement = {
  Sid: 'AllowPushPull',
  Effect: 'Allow',
  Principal: {
    AWS: [
      `arn:aws:iam::${OWN_ACCOUNT}:user/push-pull-user-1`,
      `arn:aws:iam::${OWN_ACCOUNT}:user/push-pull-user-2`,
    ],
  },
  Action: [
    'ecr:BatchGetImage',
    'ecr:BatchCheckLayerAvailability',
    'ecr:CompleteLayerUpload',
    'ecr:GetDownloadUrlForLayer',
    'ecr:InitiateLayerUpload',
    'ecr:PutImage',
    'ecr:UploadLayerPart',
  ],
};

/** ECR User Guide, "Allow another account": push for another account's root. */
export const ALLOW_CROSS_ACCOUNT_PUSH: PolicyStatement = {
  Sid: 'AllowCrossAccountPush',
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
  Action: [
    'ecr:BatchCheckLayerAvailability',
    'ecr:CompleteLayerUpload',
    'ecr:InitiateLayerUpload',
    'ecr:PutImage',
    'ecr:UploadLayerPart',
  ],
};

/** ECR User Guide, "Allow AWS CodeBuild access": a service principal tied to one project by source conditions. */
export const ALLOW_CODEBUILD_PULL: PolicyStatement = {
  Sid: 'CodeBuildAccess',
  Effect: 'Allow',
  Principal: { Service: 'codebuild.amazonaws.com' },
  Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
  Condition: {
    ArnLike: { 'aws:SourceArn': `arn:aws:codebuild:eu-west-1:${OWN_ACCOUNT}:project/project-name` },
    StringEquals: { 'aws:SourceAccount': OWN_ACCOUNT },
  },
};

/**
 * A repository policy as the collector produces it: the policy text parsed by `parsePolicyDocument`.
 * @example repositoryPolicy(ALLOW_CROSS_ACCOUNT_PUSH)
 */
export function repositoryPolicy(...statements: PolicyStatement[]): PolicyDocument {
  return parsePolicyDocument(JSON.stringify({ Version: '2012-10-17', Statement: statements }));
}

/** A scan result; a finished basic scan by default. */
export function imageScan(overrides: Partial<EcrImageScan> = {}): EcrImageScan {
  return {
    status: 'COMPLETE',
    description: 'The scan was completed successfully.',
    completedAt: minutesAgo(30),
    severityCounts: {},
    ...overrides,
  };
}

/** The time `minutes` before the tests' `NOW`. */
export function minutesAgo(minutes: number): Date {
  return new Date(NOW.getTime() - minutes * 60_000);
}

/** The time `days` before the tests' `NOW`. */
export function daysAgo(days: number): Date {
  return minutesAgo(days * 24 * 60);
}
