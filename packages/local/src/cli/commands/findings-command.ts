import type { Command } from './command.js';
import { runFindings } from './findings.js';

export const findingsCommand: Command = {
  name: 'findings',
  usage:
    'customs findings [--status S] [--severity S] [--check ID] [--recommendation CSA-n] [--resource-type T] [--format table|json|csv] [--api URL] [--token T] [--sigv4]',
  summary:
    'List the stored findings through the API: of a running stack (customs start; the token from --token or CUSTOMS_API_TOKEN), or of the deployed one (an https execute-api URL, or --sigv4: requests signed with SigV4 and the default AWS credentials).',
  options: {
    status: { type: 'string' },
    severity: { type: 'string' },
    check: { type: 'string' },
    recommendation: { type: 'string' },
    'resource-type': { type: 'string' },
    format: { type: 'string' },
    api: { type: 'string' },
    token: { type: 'string' },
    sigv4: { type: 'boolean' },
  },
  async run(values, _positionals, { out }) {
    out.write(await runFindings(values));
  },
};
