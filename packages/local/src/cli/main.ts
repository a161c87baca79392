import { parseArgs } from 'node:util';
import { CatalogError, ConfigError, safeText } from '@customs/core';
import type { CommandIo } from './commands/command.js';
import { COMMANDS } from './commands/index.js';
import { UsageError } from './errors.js';
import { usage } from './usage.js';

/** Errors that are the user's input, not a bug: printed as one line, exit status 2. */
function isInputError(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code ?? '';
  const inputErrorNames = [
    'SnapshotError',
    'EventValidationError',
    'EventPatternError',
    'StartError',
    'WebhookUrlError',
  ];
  return (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof CatalogError ||
    inputErrorNames.includes(error.name) ||
    code.startsWith('ERR_PARSE_ARGS')
  );
}

async function dispatch(name: string | undefined, argv: string[], io: CommandIo): Promise<number> {
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out.write(usage(COMMANDS));
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    const names = [...COMMANDS.map((candidate) => candidate.name), 'help'].join(', ');
    throw new UsageError(`unknown command ${name}; commands: ${names}`);
  }
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...command.options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: command.positionals ?? false,
    strict: true,
  });
  if (values.help) {
    io.out.write(`${command.usage}\n  ${command.summary}\n`);
    return 0;
  }
  return (await command.run(values, positionals, io)) ?? 0;
}

/**
 * Runs the `customs` command line; resolves to the exit status: 0 when it ran, 2 on bad input (one
 * line on stderr, bounded and control-escaped), 1 when a command reports an internal error (a
 * replay event that failed). Anything else thrown is a bug, for the bin to print as an internal error.
 * @example process.exitCode = await main(['scan', '--snapshot', 'demo', '--format', 'json']);
 */
export async function main(
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const [name, ...rest] = args;
  try {
    return await dispatch(name, rest, { out, err });
  } catch (error) {
    if (isInputError(error)) {
      err.write(`customs: ${safeText(error.message, { maxLength: 1000 })}\n`);
      return 2;
    }
    throw error;
  }
}

export { describeError } from '../replay/describe.js';
export { installProcessGuards } from './process-guards.js';
