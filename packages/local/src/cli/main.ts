import { parseArgs } from 'node:util';
import { CatalogError, ConfigError } from '@customs/core';
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

async function dispatch(name: string | undefined, argv: string[], io: CommandIo): Promise<void> {
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out.write(usage(COMMANDS));
    return;
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
    return;
  }
  await command.run(values, positionals, io);
}

/**
 * Runs the `customs` command line; resolves to the exit status.
 * @example process.exitCode = await main(['scan', '--snapshot', 'demo', '--format', 'json']);
 */
export async function main(
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const [name, ...rest] = args;
  try {
    await dispatch(name, rest, { out, err });
    return 0;
  } catch (error) {
    if (isInputError(error)) {
      err.write(`customs: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
