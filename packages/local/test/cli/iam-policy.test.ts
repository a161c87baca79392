import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const POLICY_FILE = fileURLToPath(new URL('../../../aws/iam-policy.json', import.meta.url));

describe('customs iam-policy', () => {
  it('prints the committed read-only policy, byte for byte', async () => {
    const { code, stdout, stderr } = await runCli('iam-policy');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(readFileSync(POLICY_FILE, 'utf8'));
    const policy = JSON.parse(stdout) as {
      Statement: { Effect: string; Action: string[]; Resource: string }[];
    };
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0]).toMatchObject({ Effect: 'Allow', Resource: '*' });
    expect(policy.Statement[0]?.Action).toContain('ecr:DescribeImages');
  });

  it('is listed by customs help', async () => {
    const { stdout } = await runCli('help');
    expect(stdout).toContain('customs iam-policy');
    expect(stdout).toContain('customs record --out DIR');
    expect(stdout).toContain('--aws [--region R]...');
  });
});
