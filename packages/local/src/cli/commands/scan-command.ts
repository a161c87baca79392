import { safeText } from '@customs/core';
import { progressLine } from '../format/progress.js';
import { terminalOf } from '../format/terminal.js';
import type { Command } from './command.js';
import { runScan } from './scan.js';

export const scanCommand: Command = {
  name: 'scan',
  usage:
    'customs scan (--snapshot DIR | --aws [--region R]... [--profile P]) [--format table|json|csv|sarif|junit|asff|ocsf] [--output [FORMAT=]FILE]... [--fail-on SEVERITY] [--status S]... [--all] [--details] [--config FILE] [--check ID]... [--severity S]... [--suppressions FILE]',
  summary:
    'Assess an account snapshot (a folder of AWS CLI JSON outputs), or the live account read-only with local credentials, against the check catalog.',
  options: {
    snapshot: { type: 'string' },
    aws: { type: 'boolean' },
    region: { type: 'string', multiple: true },
    profile: { type: 'string' },
    format: { type: 'string' },
    config: { type: 'string' },
    check: { type: 'string', multiple: true },
    severity: { type: 'string', multiple: true },
    suppressions: { type: 'string' },
    'fail-on': { type: 'string' },
    output: { type: 'string', multiple: true },
    details: { type: 'boolean' },
    status: { type: 'string', multiple: true },
    all: { type: 'boolean' },
  },
  async run(values, _positionals, { out, err }) {
    const { output, warnings, failing, failOn } = await runScan({
      ...values,
      terminal: terminalOf(out, process.env),
      // On stderr, so that stdout (a table, JSON…) stays clean even when stderr is a terminal.
      progress: progressLine(err, process.env),
    });
    for (const warning of warnings) err.write(`warning: ${safeText(warning, { maxLength: 1000 })}\n`);
    out.write(output);
    if (failing === 0) return undefined;
    err.write(`customs: ${failing} failing finding(s) at or above ${failOn} (--fail-on ${failOn})\n`);
    return 1;
  },
};
