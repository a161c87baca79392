#!/usr/bin/env node
// The `customs` command: runs the TypeScript sources through tsx's loader (no build step).
import { register } from 'tsx/esm/api';

// The SDK's notice that Node 20 support ends in 2027 is for maintainers (see README), not for every CLI run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
// `customs scan --format json | head -1`: the reader has gone, nothing more to say: end quietly, 0.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
const { describeError, EXIT_STATUS, installProcessGuards, main } = await import('../src/cli/main.ts');
// A stray rejection or exception is one logged line, never Node's exit with a raw stack: customs
// start keeps serving; a one-shot command finishes and exits 1.
installProcessGuards({ err: process.stderr, longRunning: process.argv[2] === 'start' });
try {
  const code = await main(process.argv.slice(2));
  process.exitCode = code !== 0 ? code : (process.exitCode ?? 0);
} catch (error) {
  // main answers every CustomsError but an internal one; anything else is a bug: one line, stack on demand.
  process.stderr.write(`customs: internal error: ${describeError(error)}\n`);
  if (process.env.CUSTOMS_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  else process.stderr.write('customs: set CUSTOMS_DEBUG=1 to see the stack trace\n');
  process.exitCode = EXIT_STATUS.internal;
}
