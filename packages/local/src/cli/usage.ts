import type { Command } from './commands/command.js';

/** The text of `customs help`, from the commands' own usage lines. */
export function usage(commands: Command[]): string {
  const lines = commands.map((command) => `  ${command.usage}\n      ${command.summary}`);
  return `customs — continuous compliance for container platforms on AWS (CSA container recommendations)

Usage:
${lines.join('\n')}
  customs help
      Show this text.
  customs --version
      Print the version.

Exit status: 0 when the command ran, whatever it found; 1 when --fail-on SEVERITY is given and a
finding at or above it fails; 2 on bad input, with the reason on stderr; 1 on an internal error
(replay: an event that failed with one), one line on stderr (customs: internal error: …).
`;
}
