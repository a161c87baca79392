import { UsageError } from '../errors.js';
import type { Command } from './command.js';

/** The account and region of an event bus ARN (`arn:aws:events:eu-west-1:111122223333:event-bus/default`). */
function busScope(arn: string): { accountId: string; region: string } {
  const [, , service, region, accountId] = arn.split(':', 5);
  if (service !== 'events' || !region || !accountId)
    throw new UsageError(`--bus-arn ${JSON.stringify(arn.slice(0, 80))} is not an event bus ARN`);
  return { accountId, region };
}

export const memberTemplateCommand: Command = {
  name: 'member-template',
  usage:
    'customs member-template --bus-arn ARN --role-arn ARN... (--organization-id o-… | --external-id ID) [--role-name CustomsReadOnly]',
  summary:
    "Print the member accounts' CloudFormation template (the StackSet's): the read-only role the central roles assume, and the rules forwarding events to the central bus, for an account deployed by hand.",
  options: {
    'bus-arn': { type: 'string' },
    'role-arn': { type: 'string', multiple: true },
    'organization-id': { type: 'string' },
    'external-id': { type: 'string' },
    'role-name': { type: 'string' },
  },
  async run(values, _positionals, { out, err }) {
    const busArn: string | undefined = values['bus-arn'];
    if (busArn === undefined)
      throw new UsageError('customs member-template needs --bus-arn (the central bus)');
    const { accountId, region } = busScope(busArn);
    // The template is infra's (infra/member, also the StackSet's body): one maker for both paths,
    // loaded only by this command.
    const { memberTemplate } = await import('../../../../../infra/member/index.js');
    const template = memberTemplate({
      centralAccountId: accountId,
      centralBusArn: busArn,
      centralRoleArns: values['role-arn'] ?? [],
      organizationId: values['organization-id'],
      externalId: values['external-id'],
      memberRoleName: values['role-name'] ?? 'CustomsReadOnly',
      homeRegion: region,
    });
    out.write(`${JSON.stringify(template, null, 2)}\n`);
    err.write(
      `Deploy it in ${region} (the role) and in every region Customs assesses, and in us-east-1 for IAM: aws cloudformation deploy --capabilities CAPABILITY_NAMED_IAM --stack-name customs-member --template-file <file> --region <region>\n`,
    );
  },
};
