import type { Command } from './command.js';
import { runSuppress, runSuppressions, runUnsuppress } from './suppress.js';

const API_OPTIONS = {
  api: { type: 'string' },
  token: { type: 'string' },
  sigv4: { type: 'boolean' },
  format: { type: 'string' },
} as const;
const API_USAGE = '[--format table|json] [--api URL] [--token T] [--sigv4]';

export const suppressCommand: Command = {
  name: 'suppress',
  usage: `customs suppress (--check ID | --resource PATTERN)... --reason TEXT --owner WHO --expires (TIME|Nd) [--confirm] ${API_USAGE}`,
  summary:
    'Suppress failing findings through the API (POST /suppressions): they become SUPPRESSED until the expiry. More than maxSuppressionMatches (50) findings, or --resource "*", needs --confirm.',
  options: {
    check: { type: 'string' },
    resource: { type: 'string' },
    reason: { type: 'string' },
    owner: { type: 'string' },
    expires: { type: 'string' },
    confirm: { type: 'boolean' },
    ...API_OPTIONS,
  },
  async run(values, _positionals, { out }) {
    out.write(await runSuppress(values));
  },
};

export const suppressionsCommand: Command = {
  name: 'suppressions',
  usage: `customs suppressions [--active true|false] ${API_USAGE}`,
  summary: 'List the suppressions through the API (GET /suppressions), with whether each is in force.',
  options: { active: { type: 'string' }, ...API_OPTIONS },
  async run(values, _positionals, { out }) {
    out.write(await runSuppressions(values));
  },
};

export const unsuppressCommand: Command = {
  name: 'unsuppress',
  usage: `customs unsuppress ID ${API_USAGE}`,
  summary: 'Delete a suppression through the API (DELETE /suppressions/{id}): what it covered reopens.',
  positionals: true,
  options: API_OPTIONS,
  async run(values, positionals, { out }) {
    out.write(await runUnsuppress(positionals[0], values));
  },
};
