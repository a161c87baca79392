import type { Resource } from '@customs/core';
import {
  ecrImage,
  ecrRegistry,
  ecrRepository,
  eksAccessEntry,
  eksCluster,
  eksNodegroup,
  iamAccount,
  iamPolicy,
  iamRole,
  iamUser,
} from '../../packages/core/test/helpers/resources.js';

/** The mix of a container-heavy account: mostly images, then repositories, IAM and EKS. */
const MIX: [number, (i: number) => Resource][] = [
  [
    55,
    (i) =>
      ecrImage({
        digest: `sha256:${i.toString(16).padStart(64, '0')}`,
        tags: i % 3 ? [`v${i}`] : [],
        scan: { status: 'COMPLETE', severityCounts: { HIGH: i % 4, CRITICAL: i % 9 === 0 ? 1 : 0 } },
        pushedAt: new Date(Date.UTC(2026, 0, 1) + (i % 400) * 86_400_000),
      }),
  ],
  [
    12,
    (i) =>
      ecrRepository({
        name: `team-${i % 50}/service-${i}`,
        imageTagMutability: i % 2 ? 'MUTABLE' : 'IMMUTABLE',
        policy:
          i % 5
            ? null
            : {
                Version: '2012-10-17',
                Statement: [
                  {
                    Sid: 'pull',
                    Effect: 'Allow',
                    Principal: { AWS: `arn:aws:iam::${String(i).padStart(12, '4')}:root` },
                    Action: ['ecr:BatchGetImage', 'ecr:PutImage'],
                  },
                ],
              },
      }),
  ],
  [
    10,
    (i) =>
      iamUser({
        name: `user-${i}`,
        mfaActive: i % 4 !== 0,
        accessKeys: [
          {
            id: `AKIA${i}`,
            active: true,
            createdAt: new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000),
          },
        ],
      }),
  ],
  [8, (i) => iamRole({ name: `role-${i}` })],
  [
    8,
    (i) =>
      iamPolicy({
        name: `policy-${i}`,
        document: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: i % 10 ? ['ecr:BatchGetImage', 's3:GetObject'] : '*', Resource: '*' },
          ],
        },
      }),
  ],
  [4, (i) => eksNodegroup({ name: `ng-${i}`, amiType: i % 2 ? 'AL2_x86_64' : 'BOTTLEROCKET_x86_64' })],
  [2, (i) => eksAccessEntry({ principalArn: `arn:aws:iam::111122223333:role/team-${i}` })],
  [
    1,
    (i) =>
      eksCluster({
        name: `cluster-${i}`,
        version: i % 2 ? '1.29' : '1.32',
        nodegroups: [
          { name: 'a', labels: { 'customs.io/security-context': 'web' }, taints: [] },
          { name: 'b', labels: { 'customs.io/security-context': 'batch' }, taints: [] },
        ],
      }),
  ],
];
const WEIGHT = MIX.reduce((sum, [weight]) => sum + weight, 0);

/**
 * An in-memory account of `size` resources in a realistic mix (plus one registry and the
 * account itself), varied so that checks take both their PASS and FAIL paths.
 */
export function generateAccount(size: number): Resource[] {
  const resources: Resource[] = [ecrRegistry(), iamAccount()];
  for (const [weight, make] of MIX) {
    const count = Math.round((size * weight) / WEIGHT);
    for (let i = 0; i < count; i++) resources.push(make(i));
  }
  return resources.slice(0, size);
}
