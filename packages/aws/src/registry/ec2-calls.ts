import type * as ec2 from '@aws-sdk/client-ec2';
import type { Wire } from '../normalise/wire.js';
import * as schemas from '../snapshot/schemas/index.js';
import { call } from './call-info.js';

/** The calls of Amazon EC2, read for EKS (subnets, security groups, launch templates), by operation. */
export const EC2_CALLS = {
  DescribeLaunchTemplateVersions: call<Wire<ec2.DescribeLaunchTemplateVersionsResult>>()({
    keys: ['launchTemplateId'],
    schema: schemas.ec2.describeLaunchTemplateVersions,
    per: 'ec2-launch-template',
  }),
  DescribeSubnets: call<Wire<ec2.DescribeSubnetsResult>>()({
    keys: [],
    schema: schemas.ec2.describeSubnets,
    per: 'region',
  }),
  DescribeSecurityGroups: call<Wire<ec2.DescribeSecurityGroupsResult>>()({
    keys: [],
    schema: schemas.ec2.describeSecurityGroups,
    per: 'region',
  }),
} as const;
