import { describe, expect, it } from 'vitest';
import { FUNCTION_NAMES, grantsOf } from '../../infra/permissions.js';

const actionsOf = (grants: readonly { actions: readonly string[] }[]) =>
  grants.flatMap((grant) => grant.actions);

describe('the central grants of an organisation (issue 18)', () => {
  it('grants sts:AssumeRole on the member role name only, to the readers only', () => {
    // Prepare
    const organization = { memberRoleName: 'CustomsReadOnly', listAccounts: false };
    // Act
    const byFunction = Object.fromEntries(
      FUNCTION_NAMES.map((name) => [name, grantsOf(name, { securityHub: false, organization })]),
    );
    // Assess
    for (const name of FUNCTION_NAMES) {
      const assume = byFunction[name]?.filter((grant) => grant.actions.includes('sts:AssumeRole')) ?? [];
      const reads = name.startsWith('on-') && name !== 'on-finding-change';
      if (reads || name === 'sweep' || name === 'sweep-worker') {
        expect(assume).toEqual([
          { actions: ['sts:AssumeRole'], resources: ['arn:{partition}:iam::*:role/CustomsReadOnly'] },
        ]);
      } else {
        expect(assume, name).toEqual([]);
      }
      expect(actionsOf(byFunction[name] ?? [])).not.toContain('organizations:ListAccounts');
    }
    expect(byFunction['sweep-worker']).toContainEqual({
      actions: ['sqs:SendMessage'],
      resources: ['sweep-queue'],
    });
  });

  it('grants organizations:ListAccounts only when the accounts come from Organizations, and nothing without an organisation', () => {
    // Act
    const listed = grantsOf('sweep', {
      securityHub: false,
      organization: { memberRoleName: 'Audit', listAccounts: true },
    });
    const single = FUNCTION_NAMES.flatMap((name) => actionsOf(grantsOf(name, { securityHub: false })));
    // Assess
    expect(listed).toContainEqual({ actions: ['organizations:ListAccounts'], resources: ['*'] });
    expect(listed).toContainEqual({
      actions: ['sts:AssumeRole'],
      resources: ['arn:{partition}:iam::*:role/Audit'],
    });
    expect(
      single.filter((action) => action.startsWith('sts:') || action.startsWith('organizations:')),
    ).toEqual([]);
  });
});
