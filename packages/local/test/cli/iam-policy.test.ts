import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const POLICY_FILE = fileURLToPath(new URL('../../../aws/iam-policy.json', import.meta.url));
const ROLE = 'arn:aws:iam::111122223333:role/customs-prod-SweepRole-4f1c2a';
const VIEW = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';

describe('customs iam-policy', () => {
  it('prints the committed read-only policy, byte for byte, and says what EKS clusters need besides', async () => {
    const { code, stdout, stderr } = await runCli('iam-policy');
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(POLICY_FILE, 'utf8'));
    const policy = JSON.parse(stdout) as {
      Statement: { Effect: string; Action: string[]; Resource: string }[];
    };
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0]).toMatchObject({ Effect: 'Allow', Resource: '*' });
    expect(policy.Statement[0]?.Action).toContain('ecr:DescribeImages');
    expect(stderr).toContain('AmazonEKSViewPolicy');
    expect(stderr).toContain('customs iam-policy --eks');
  });

  it('prints, with --eks, the access entry and the cluster-scoped AmazonEKSViewPolicy for each cluster and role', async () => {
    // Act
    const { code, stdout, stderr } = await runCli(
      'iam-policy',
      '--eks',
      '--cluster',
      'prod',
      '--cluster',
      'staging',
      '--principal-arn',
      ROLE,
      '--region',
      'eu-west-1',
    );
    // Assess
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const commands = stdout
      .replaceAll('\\\n', '')
      .split('\n')
      .filter((line) => line.startsWith('aws '));
    expect(commands).toEqual(
      ['prod', 'staging'].flatMap((cluster) => [
        `aws eks create-access-entry --cluster-name ${cluster} --principal-arn ${ROLE} --type STANDARD   --kubernetes-groups customs-rbac-readers --region eu-west-1`,
        `aws eks associate-access-policy --cluster-name ${cluster} --principal-arn ${ROLE}   --policy-arn ${VIEW} --access-scope type=cluster --region eu-west-1`,
      ]),
    );
    expect(stdout).toContain('reads no Secrets');
    const [script, manifest] = stdout.split("kubectl apply -f - <<'YAML'\n");
    const shellLines = (script ?? '').split('\n').filter((line) => line !== '');
    expect(shellLines.every((line) => /^(#|aws eks | {2}--)/.test(line))).toBe(true);
    // RBAC objects are outside AmazonEKSViewPolicy: a ClusterRole reading them, bound to the entries' group
    expect(manifest?.endsWith('\nYAML\n')).toBe(true);
    expect(manifest).toContain('kind: ClusterRole\n');
    expect(manifest).toContain('resources: ["clusterroles", "clusterrolebindings", "roles", "rolebindings"]');
    expect(manifest).toContain('verbs: ["get", "list", "watch"]');
    expect(manifest).toContain('kind: Group\n    name: customs-rbac-readers');
    expect(manifest).not.toContain('secrets');
  });

  it('leaves shell variables for the cluster and the role when they are not given', async () => {
    const { code, stdout } = await runCli('iam-policy', '--eks');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'aws eks create-access-entry --cluster-name "$CLUSTER" --principal-arn "$CUSTOMS_ROLE_ARN" --type STANDARD \\\n  --kubernetes-groups customs-rbac-readers\n',
    );
    expect(stdout).toContain('# Set CLUSTER to the cluster name');
  });

  it('refuses a cluster name or role ARN that is not one, and the EKS options without --eks', async () => {
    const badCluster = await runCli('iam-policy', '--eks', '--cluster', 'prod; rm -rf /');
    expect(badCluster.code).toBe(2);
    expect(badCluster.stderr).toContain('the cluster name "prod; rm -rf /" is not valid');
    expect(badCluster.stdout).toBe('');
    const badRole = await runCli(
      'iam-policy',
      '--eks',
      '--principal-arn',
      'arn:aws:iam::111122223333:user/alice',
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('the role ARN');
    const noEks = await runCli('iam-policy', '--cluster', 'prod');
    expect(noEks.code).toBe(2);
    expect(noEks.stderr).toContain('--cluster is an option of customs iam-policy --eks');
  });

  it('is listed by customs help', async () => {
    const { stdout } = await runCli('help');
    expect(stdout).toContain('customs iam-policy');
    expect(stdout).toContain('customs record --out DIR');
    expect(stdout).toContain('--aws [--region R]...');
  });
});
