#!/usr/bin/env node
// The `customs` command: runs the TypeScript sources through tsx's loader (no build step).
import { register } from 'tsx/esm/api';

// The SDK's notice that Node 20 support ends in 2027 is for maintainers (see README), not for every CLI run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
try {
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Input errors are handled inside main (exit 2); anything else is a bug: one line, stack on demand.
  process.stderr.write(
    `customs: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  if (process.env.CUSTOMS_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  else process.stderr.write('customs: set CUSTOMS_DEBUG=1 to see the stack trace\n');
  process.exitCode = 1;
}
