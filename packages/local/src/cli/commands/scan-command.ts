import { safeText } from '@customs/core';
import { progressLine } from '../format/progress.js';
import { terminalOf } from '../format/terminal.js';
import type { Command } from './command.js';
import { runScan } from './scan.js';

/**
 * Writes a chunk and, when the stream says its buffer is full (`write` gives false), waits for it
 * to drain (or to close or fail), so the chunks of a large report do not pile up in memory.
 */
function written(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (out.write(chunk) !== false) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      for (const event of ['drain', 'close', 'error']) out.removeListener(event, done);
      resolve();
    };
    for (const event of ['drain', 'close', 'error']) out.once(event, done);
  });
}

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
    for (const chunk of output) await written(out, chunk);
    if (failing === 0) return undefined;
    err.write(`customs: ${failing} failing finding(s) at or above ${failOn} (--fail-on ${failOn})\n`);
    return 1;
  },
};
