import type { Command } from './command.js';
import { runFindings } from './findings.js';

export const findingsCommand: Command = {
  name: 'findings',
  usage:
    'customs findings [--status S] [--severity S] [--check ID] [--recommendation CSA-n] [--resource-type T] [--format table|json|csv] [--api URL] [--token T]',
  summary:
    'List the stored findings of a running stack (customs start) through its API; the token from --token or CUSTOMS_API_TOKEN.',
  options: {
    status: { type: 'string' },
    severity: { type: 'string' },
    check: { type: 'string' },
    recommendation: { type: 'string' },
    'resource-type': { type: 'string' },
    format: { type: 'string' },
    api: { type: 'string' },
    token: { type: 'string' },
  },
  async run(values, _positionals, { out }) {
    out.write(await runFindings(values));
  },
};
