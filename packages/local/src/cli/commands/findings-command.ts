import { terminalOf } from '../format/terminal.js';
import type { Command } from './command.js';
import { runFindings } from './findings.js';

export const findingsCommand: Command = {
  name: 'findings',
  usage:
    'customs findings [--status S]... [--severity S]... [--check ID]... [--recommendation CSA-n]... [--resource-type T]... [--format table|json|csv|sarif|junit|asff|ocsf] [--output [FORMAT=]FILE]... [--fail-on SEVERITY] [--details] [--api URL] [--token T] [--sigv4]',
  summary:
    'List the stored findings through the API: of a running stack (customs start; the token from --token or CUSTOMS_API_TOKEN), or of the deployed one (an https execute-api URL, or --sigv4: requests signed with SigV4 and the default AWS credentials).',
  options: {
    status: { type: 'string', multiple: true },
    severity: { type: 'string', multiple: true },
    check: { type: 'string', multiple: true },
    recommendation: { type: 'string', multiple: true },
    'resource-type': { type: 'string', multiple: true },
    format: { type: 'string' },
    output: { type: 'string', multiple: true },
    'fail-on': { type: 'string' },
    details: { type: 'boolean' },
    api: { type: 'string' },
    token: { type: 'string' },
    sigv4: { type: 'boolean' },
  },
  async run(values, _positionals, { out, err }) {
    const { output, failing, failOn } = await runFindings({
      ...values,
      terminal: terminalOf(out, process.env),
    });
    out.write(output);
    if (failing === 0) return undefined;
    err.write(`customs: ${failing} open finding(s) failing at or above ${failOn} (--fail-on ${failOn})\n`);
    return 1;
  },
};
