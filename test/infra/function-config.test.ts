import { parseConfigJson } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { functionConfig } from '../../infra/function-config.js';
import { organizationOptions } from '../../infra/member/index.js';

const ORGANIZATION = organizationOptions(
  {
    CUSTOMS_ORGANIZATION_ID: 'o-a1b2c3d4e5',
    CUSTOMS_MEMBER_TARGETS: 'r-a1b2',
    CUSTOMS_MEMBER_REGIONS: 'eu-central-1',
    CUSTOMS_MEMBER_EXTERNAL_ID: 'customs-central-7f3a',
  },
  'eu-west-1',
);

describe("infra: the functions' CUSTOMS_CONFIG", () => {
  it('is unset with neither a configuration file nor an organisation: the functions use the defaults', () => {
    expect(functionConfig({}, undefined)).toBeUndefined();
  });

  it('carries the organisation to the central functions as their `organization` key, which they accept', () => {
    // Act
    const text = functionConfig({}, ORGANIZATION);
    // Assess: the functions' own parser (a ConfigError at start otherwise) reads the same organisation
    const config = parseConfigJson(text ?? '', 'CUSTOMS_CONFIG');
    expect(config.organization).toEqual({
      memberRoleName: 'CustomsReadOnly',
      externalId: 'customs-central-7f3a',
      accounts: 'organization',
      regions: ['eu-west-1', 'eu-central-1', 'us-east-1'],
      organizationId: 'o-a1b2c3d4e5',
    });
  });

  it("merges the file named by CUSTOMS_CONFIG_FILE with the organisation's key", () => {
    const files: Record<string, string> = { 'customs.config.json': '{"maxHigh": 2, "imageMaxAgeDays": 30}' };
    const text = functionConfig({ CUSTOMS_CONFIG_FILE: 'customs.config.json' }, ORGANIZATION, (path) => {
      const file = files[path];
      if (file === undefined) throw new Error(`no such file ${path}`);
      return file;
    });
    const config = parseConfigJson(text ?? '', 'CUSTOMS_CONFIG');
    expect(config.maxHigh).toBe(2);
    expect(config.imageMaxAgeDays).toBe(30);
    expect(config.organization?.organizationId).toBe('o-a1b2c3d4e5');
  });

  it('stops the deploy, naming the file, when it is not a JSON object or too big for Lambda’s environment', () => {
    const env = { CUSTOMS_CONFIG_FILE: 'bad.json' };
    expect(() => functionConfig(env, undefined, () => '{"maxHigh": ')).toThrow(/bad\.json is not JSON/);
    expect(() => functionConfig(env, undefined, () => '[1, 2]')).toThrow(/bad\.json must hold a JSON object/);
    const huge = JSON.stringify({
      clusterAdminAllowlist: Array.from(
        { length: 200 },
        (_, i) => `arn:aws:iam::111122223333:role/admin-${i}`,
      ),
    });
    expect(() => functionConfig(env, undefined, () => huge)).toThrow(
      /bytes as JSON; Lambda's environment holds at most 3000/,
    );
  });
});
