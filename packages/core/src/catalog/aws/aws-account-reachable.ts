import { defineCheck } from '../../check/define-check.js';
import { pass } from '../../check/outcome.js';

/**
 * Whether Customs could read one account × region scope of an organisation at all. The check
 * itself only ever passes: when the scope could not be opened or read (the member role missing or
 * not trusting Customs, AccessDenied on sts:AssumeRole, the region not enabled, STS throttling
 * after the retries) the router marks `access` unreadable with the reason, and the engine gives
 * this check ERROR with it, since nothing else in that scope is assessed meanwhile.
 */
export const awsAccountReachable = defineCheck({
  id: 'aws-account-reachable',
  title: 'Customs can assume its role in the account and read the region',
  resourceType: 'aws-account',
  recommendation: 'CSA-4',
  severity: 'high',
  rationale:
    "Customs assesses an account's registries, clusters, services and IAM through the read-only member role: while it cannot assume that role (the StackSet's stack missing in the account, a trust that does not name Customs' roles, the external id changed) or read the region (not enabled for the account), nothing in that account and region is assessed, and its findings stay as they were last read.",
  remediation: {
    text: "Deploy Customs' member stack in the account and region (the organisation's StackSet, or `customs member-template` for an account outside it), so that the role `CustomsReadOnly` exists and trusts the central functions' roles; enable the region for the account, or remove it from `organization.regions`. The ERROR finding names STS's or the service's answer.",
    cli: 'aws cloudformation create-stack-instances --stack-set-name customs-<stage>-member --deployment-targets OrganizationalUnitIds=<ou-id> --regions <region> --call-as DELEGATED_ADMIN',
    iac: {
      format: 'cloudformation',
      snippet:
        'CustomsMemberStackInstances:\n  Type: AWS::CloudFormation::StackSet\n  Properties:\n    StackSetName: customs-<stage>-member\n    PermissionModel: SERVICE_MANAGED\n    AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false }\n    Capabilities: [CAPABILITY_NAMED_IAM]\n    StackInstancesGroup:\n      - DeploymentTargets: { OrganizationalUnitIds: [<ou-id>] }\n        Regions: [<region>]\n    TemplateBody: <customs member-template>',
    },
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html',
  },
  mappings: {},
  reads: ['access'],
  evaluate(account) {
    const how =
      account.access.via === 'home'
        ? "with the deployment's own role"
        : `through its role ${account.access.roleName}`;
    return pass(`Account ${account.accountId} in ${account.region}: read ${how}`);
  },
});
