// `customs iam-policy`'s policy as committed (packages/aws/test/live/iam-policy.test.ts keeps it
// equal to what @customs/aws derives from the readers); read as data, so that infra's SST
// type-check does not compile @customs/aws's sources.
import policy from '../../packages/aws/iam-policy.json' with { type: 'json' };

/** The member role's policy: exactly the read-only actions the collectors call. */
export const READ_ONLY_POLICY = policy;

/** Its actions (`ecr:DescribeImages`, …). */
export const READ_ONLY_ACTIONS: readonly string[] = policy.Statement.flatMap((statement) => statement.Action);
