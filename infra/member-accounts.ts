import type { CustomsFunctions } from './functions.js';
import { MEMBER_READERS, memberTemplate, type OrganizationOptions } from './member/index.js';
import { pascalCase } from './names.js';

/** What the member accounts' StackSet is made from. */
export interface MemberAccountsInput {
  options: OrganizationOptions;
  functions: CustomsFunctions;
  account: $util.Input<string>;
  busArn: $util.Input<string>;
  homeRegion: string;
}

/**
 * The member accounts' resources (infra/member's template) as a service-managed StackSet with
 * automatic deployment (an account joining a target OU gets them in minutes, one leaving loses
 * them), one stack instance per region for the configured root or OUs, without the central account
 * (its own functions read it; a forwarding rule there would send its bus's events back to itself).
 * @example createMemberAccounts({ options, functions, account, busArn, homeRegion: 'eu-west-1' }).name
 */
export function createMemberAccounts(input: MemberAccountsInput): aws.cloudformation.StackSet {
  const { options, functions, homeRegion } = input;
  const roleArns = MEMBER_READERS.map((name) => functions[name].nodes.role.arn);
  const templateBody = $util
    .all([input.account, input.busArn, $util.all(roleArns)])
    .apply(([centralAccountId, centralBusArn, centralRoleArns]) =>
      JSON.stringify(
        memberTemplate({
          centralAccountId,
          centralBusArn,
          centralRoleArns,
          organizationId: options.organizationId,
          externalId: options.externalId,
          memberRoleName: options.memberRoleName,
          homeRegion,
        }),
      ),
    );
  const stackSet = new aws.cloudformation.StackSet(
    'CustomsMemberStackSet',
    {
      name: `${$app.name}-${$app.stage}-member`,
      description: `Customs (${$app.stage}) in the member accounts: the read-only role and event forwarding`,
      permissionModel: 'SERVICE_MANAGED',
      autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
      callAs: options.callAs,
      capabilities: ['CAPABILITY_NAMED_IAM'],
      managedExecution: { active: true },
      templateBody,
    },
    // A service-managed StackSet has no administration role; AWS reports one after creation.
    { ignoreChanges: ['administrationRoleArn'] },
  );
  for (const region of options.regions) {
    new aws.cloudformation.StackSetInstance(`CustomsMember${pascalCase(region)}`, {
      stackSetName: stackSet.name,
      callAs: options.callAs,
      stackSetInstanceRegion: region,
      deploymentTargets: {
        organizationalUnitIds: options.targets,
        accountFilterType: 'DIFFERENCE',
        accounts: [input.account],
      },
      operationPreferences: {
        regionConcurrencyType: 'PARALLEL',
        maxConcurrentPercentage: 25,
        failureTolerancePercentage: 10,
      },
    });
  }
  return stackSet;
}
