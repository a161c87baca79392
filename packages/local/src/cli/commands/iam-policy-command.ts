import { iamPolicy } from '@customs/aws';
import { eksAccessCommands } from '../eks-access.js';
import { UsageError } from '../errors.js';
import type { Command } from './command.js';

export const iamPolicyCommand: Command = {
  name: 'iam-policy',
  usage: 'customs iam-policy [--eks [--cluster NAME]... [--principal-arn ARN]... [--region R]]',
  summary:
    "Print the read-only IAM policy that `customs scan --aws` and `customs record` need (exactly the actions they call); with --eks, the access-entry commands that let Customs read EKS clusters' Kubernetes API.",
  options: {
    eks: { type: 'boolean' },
    cluster: { type: 'string', multiple: true },
    'principal-arn': { type: 'string', multiple: true },
    region: { type: 'string' },
  },
  async run(values, _positionals, { out, err }) {
    const eksOnly = ['cluster', 'principal-arn', 'region'].filter((option) => values[option] !== undefined);
    if (!values.eks && eksOnly.length > 0)
      throw new UsageError(`--${eksOnly[0]} is an option of customs iam-policy --eks`);
    if (values.eks) {
      out.write(
        eksAccessCommands({
          clusters: values.cluster ?? [],
          principalArns: values['principal-arn'] ?? [],
          region: values.region,
        }),
      );
      return;
    }
    out.write(`${JSON.stringify(iamPolicy(), null, 2)}\n`);
    err.write(
      'Inside each EKS cluster Customs also needs AmazonEKSViewPolicy (Kubernetes authorizes those reads, not IAM): `customs iam-policy --eks` prints the access-entry commands.\n',
    );
  },
};
