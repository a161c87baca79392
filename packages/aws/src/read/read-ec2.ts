import {
  type LaunchTemplateVersion,
  paginateDescribeLaunchTemplateVersions,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  type SecurityGroup,
  type Subnet,
} from '@aws-sdk/client-ec2';
import { isUnreadable, type Known } from '../normalise/unreadable.js';
import type { Wire } from '../normalise/wire.js';
import { PAGE } from '../registry/call-info.js';
import type { ReadContext } from './context.js';

/** The region's subnets (read once per collect), or why they are unknown. */
export async function readSubnets(context: ReadContext): Promise<Known<Wire<Subnet>[]>> {
  const body = await context.session.paginate({ service: 'ec2', operation: 'DescribeSubnets' }, (aws) =>
    paginateDescribeSubnets({ client: aws.ec2, pageSize: PAGE.ec2 }, {}),
  );
  return body === undefined || isUnreadable(body) ? body : (body.Subnets ?? []);
}

/** The region's security groups (read once per collect), or why they are unknown. */
export async function readSecurityGroups(context: ReadContext): Promise<Known<Wire<SecurityGroup>[]>> {
  const body = await context.session.paginate(
    { service: 'ec2', operation: 'DescribeSecurityGroups' },
    (aws) => paginateDescribeSecurityGroups({ client: aws.ec2, pageSize: PAGE.ec2 }, {}),
  );
  return body === undefined || isUnreadable(body) ? body : (body.SecurityGroups ?? []);
}

/** A launch template's versions (each template read once); undefined when it is not found. */
export async function readLaunchTemplateVersions(
  context: ReadContext,
  launchTemplateId: string,
): Promise<Known<Wire<LaunchTemplateVersion>[]>> {
  const body = await context.session.paginate(
    { service: 'ec2', operation: 'DescribeLaunchTemplateVersions', keys: [launchTemplateId] },
    (aws) =>
      paginateDescribeLaunchTemplateVersions(
        { client: aws.ec2, pageSize: PAGE.launchTemplate },
        { LaunchTemplateId: launchTemplateId },
      ),
  );
  return body === undefined || isUnreadable(body) ? body : body.LaunchTemplateVersions;
}
