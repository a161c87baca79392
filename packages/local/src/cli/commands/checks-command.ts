import { runChecks } from './checks.js';
import type { Command } from './command.js';

export const checksCommand: Command = {
  name: 'checks',
  usage: 'customs checks [--format table|json|csv]',
  summary: 'List the check catalog with its metadata.',
  options: { format: { type: 'string' } },
  async run(values, _positionals, { out }) {
    out.write(runChecks(values));
  },
};
