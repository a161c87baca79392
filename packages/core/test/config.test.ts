import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe('parseConfig', () => {
  it('fills in the defaults CHECKS.md gives', () => {
    expect(parseConfig({})).toEqual({
      eksMinVersion: '1.31',
      isolationLabelKey: 'customs.io/security-context',
      pullThroughAllowlist: ['public.ecr.aws', 'registry.k8s.io'],
      scanGraceMinutes: 60,
      maxCritical: 0,
      maxHigh: 0,
      imageMaxAgeDays: 90,
      clusterAdminAllowlist: [],
      trustedAccounts: [],
      accessKeyMaxAgeDays: 90,
      credentialMaxUnusedDays: 45,
      maxSuppressionDays: 90,
      maxSuppressionMatches: 50,
      imageRereadDays: 60,
      approvedRegistries: [],
      trustedImageAccounts: DEFAULT_CONFIG.trustedImageAccounts,
      fargateLatestVersions: { linux: '1.4.0', windows: '1.0.0' },
      allowedAddedCapabilities: DEFAULT_CONFIG.allowedAddedCapabilities,
      requiredTagKeys: [],
      podSecurityExemptNamespaces: ['kube-system'],
    });
    expect(DEFAULT_CONFIG.allowedAddedCapabilities).toContain('NET_BIND_SERVICE');
    expect(DEFAULT_CONFIG.allowedAddedCapabilities).not.toContain('SYS_ADMIN');
    expect(DEFAULT_CONFIG.eksMinVersion).toBe('1.31');
  });

  it('overrides what the file sets and keeps the rest', () => {
    const config = parseConfig({ eksMinVersion: '1.33', trustedAccounts: ['444455556666'] });
    expect(config.eksMinVersion).toBe('1.33');
    expect(config.trustedAccounts).toEqual(['444455556666']);
    expect(config.maxHigh).toBe(0);
  });

  it('refuses required tag keys AWS reserves', () => {
    expect(parseConfig({ requiredTagKeys: ['team'] }).requiredTagKeys).toEqual(['team']);
    expect(() => parseConfig({ requiredTagKeys: ['aws:cloudformation:stack-name'] }, 'customs.json')).toThrow(
      /requiredTagKeys/,
    );
  });

  it('bounds how far ahead a suppression may expire (90 days unless configured)', () => {
    expect(parseConfig({ maxSuppressionDays: 30 }).maxSuppressionDays).toBe(30);
    expect(() => parseConfig({ maxSuppressionDays: 0 }, 'customs.json')).toThrow(/maxSuppressionDays/);
    expect(() => parseConfig({ maxSuppressionDays: 1.5 }, 'customs.json')).toThrow(/maxSuppressionDays/);
  });

  it('names the file and every wrong key', () => {
    const parse = () =>
      parseConfig({ eksMinVersion: 1.31, trustedAccounts: ['abc'], colour: 'red' }, 'customs.json');
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/^customs.json is invalid: /);
    expect(parse).toThrow(/eksMinVersion/);
    expect(parse).toThrow(/trustedAccounts.0: an AWS account id is 12 digits/);
    expect(parse).toThrow(/unknown key\(s\) colour; valid keys: eksMinVersion/);
  });

  it('reads an organisation: its member role by default, the accounts listed or from Organizations', () => {
    // Prepare
    const listed = { accounts: ['111122223333', '444455556666'], regions: ['eu-west-1', 'us-gov-west-1'] };
    // Act
    const config = parseConfig({ organization: listed });
    const fromOrganizations = parseConfig({
      organization: { accounts: 'organization', externalId: 'customs-7f3a', organizationId: 'o-a1b2c3d4e5' },
    });
    // Assess
    expect(parseConfig({}).organization).toBeUndefined();
    expect(config.organization).toEqual({ memberRoleName: 'CustomsReadOnly', ...listed });
    expect(fromOrganizations.organization?.accounts).toBe('organization');
    expect(fromOrganizations.organization?.externalId).toBe('customs-7f3a');
  });

  it('refuses an organisation that is malformed or too large, naming the key', () => {
    // Prepare
    const tooMany = Array.from({ length: 10_001 }, (_, index) => String(100000000000 + index));
    const cases: [unknown, RegExp][] = [
      [{ accounts: ['12345'] }, /organization\.accounts\.0: an AWS account id is 12 digits/],
      [{ accounts: tooMany }, /organization\.accounts/],
      [{ accounts: [] }, /organization\.accounts/],
      [{ accounts: ['111122223333', '111122223333'] }, /an account is listed twice/],
      [{ accounts: 'all' }, /organization\.accounts/],
      [{ accounts: 'organization', regions: ['eu-west-1; rm -rf'] }, /a region name is like "eu-west-1"/],
      [{ accounts: 'organization', memberRoleName: 'role/../Admin' }, /organization\.memberRoleName/],
      [{ accounts: 'organization', externalId: 'x' }, /organization\.externalId/],
      [{ accounts: 'organization', organizationId: 'org-1' }, /organization\.organizationId/],
      [{ accounts: 'organization', colour: 'red' }, /unrecognized|colour/],
    ];
    for (const [organization, problem] of cases) {
      // Act
      const parse = () => parseConfig({ organization }, 'customs.json');
      // Assess
      expect(parse).toThrow(ConfigError);
      expect(parse).toThrow(problem);
    }
  });
});
