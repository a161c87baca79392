import type { ReadContext } from './context.js';
import { notInSnapshot } from './context.js';
import { snapshotPath } from './files.js';
import { ec2 } from './schemas/index.js';

/** DescribeSubnets' subnets, or why they are unknown. */
export async function readSubnets(context: ReadContext) {
  const path = snapshotPath('ec2', 'DescribeSubnets');
  const body = await context.session.read(path, ec2.describeSubnets);
  return body ? body.Subnets : notInSnapshot(path);
}

/** DescribeSecurityGroups' groups, or why they are unknown. */
export async function readSecurityGroups(context: ReadContext) {
  const path = snapshotPath('ec2', 'DescribeSecurityGroups');
  const body = await context.session.read(path, ec2.describeSecurityGroups);
  return body ? body.SecurityGroups : notInSnapshot(path);
}

/** A launch template's versions; undefined when the template is not found. */
export async function readLaunchTemplateVersions(context: ReadContext, launchTemplateId: string) {
  const path = snapshotPath('ec2', 'DescribeLaunchTemplateVersions', launchTemplateId);
  const body = await context.session.read(path, ec2.describeLaunchTemplateVersions);
  return body?.LaunchTemplateVersions;
}
