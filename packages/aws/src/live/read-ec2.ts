import {
  type LaunchTemplateVersion,
  paginateDescribeLaunchTemplateVersions,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  type SecurityGroup,
  type Subnet,
} from '@aws-sdk/client-ec2';
import { isUnreadable, type Known } from '../normalise/unreadable.js';
import type { LiveContext } from './context.js';

/** The largest page of EC2's Describe calls. */
const EC2_PAGE = 1000;

/** The region's subnets (read once per collect), or why they are unknown. */
export async function readSubnets(context: LiveContext): Promise<Known<Subnet[]>> {
  const { session } = context;
  const body = await session.paginate({ service: 'ec2', operation: 'DescribeSubnets' }, () =>
    paginateDescribeSubnets({ client: session.clients.ec2, pageSize: EC2_PAGE }, {}),
  );
  return body === undefined || isUnreadable(body) ? body : (body.Subnets ?? []);
}

/** The region's security groups (read once per collect), or why they are unknown. */
export async function readSecurityGroups(context: LiveContext): Promise<Known<SecurityGroup[]>> {
  const { session } = context;
  const body = await session.paginate({ service: 'ec2', operation: 'DescribeSecurityGroups' }, () =>
    paginateDescribeSecurityGroups({ client: session.clients.ec2, pageSize: EC2_PAGE }, {}),
  );
  return body === undefined || isUnreadable(body) ? body : (body.SecurityGroups ?? []);
}

/** A launch template's versions (each template read once); undefined when it is not found. */
export async function readLaunchTemplateVersions(
  context: LiveContext,
  launchTemplateId: string,
): Promise<Known<LaunchTemplateVersion[]>> {
  const { session } = context;
  const body = await session.paginate(
    { service: 'ec2', operation: 'DescribeLaunchTemplateVersions', keys: [launchTemplateId] },
    () =>
      paginateDescribeLaunchTemplateVersions(
        { client: session.clients.ec2, pageSize: 200 },
        { LaunchTemplateId: launchTemplateId },
      ),
  );
  return body === undefined || isUnreadable(body) ? body : body.LaunchTemplateVersions;
}

export { EC2_PAGE };
