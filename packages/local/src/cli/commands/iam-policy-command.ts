import { iamPolicy } from '@customs/aws';
import type { Command } from './command.js';

export const iamPolicyCommand: Command = {
  name: 'iam-policy',
  usage: 'customs iam-policy',
  summary:
    'Print the read-only IAM policy that `customs scan --aws` and `customs record` need (exactly the actions they call).',
  options: {},
  async run(_values, _positionals, { out }) {
    out.write(`${JSON.stringify(iamPolicy(), null, 2)}\n`);
  },
};
