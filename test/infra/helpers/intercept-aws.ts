import { Client } from '@smithy/core/client';

/** One command an SDK client sent: its client, operation and input (as the caller gave it). */
export interface SentCommand {
  /** The SDK client's name, e.g. `DynamoDBClient`. */
  client: string;
  /** The API operation, e.g. `PutItem` (lib-dynamodb's `PutCommand` is sent as `PutItem`). */
  operation: string;
  input: Record<string, unknown>;
}

/**
 * Answers a command offline, or returns `undefined` to let it reach its endpoint (DynamoDB Local).
 * A thrown error is the service's answer.
 */
export type Answer = (command: SentCommand) => Promise<Record<string, unknown>> | undefined;

/** Every command sent by any SDK v3 client since `clear`, and the means to stop intercepting. */
export interface AwsInterceptor {
  sent: SentCommand[];
  clear(): void;
  /**
   * Makes the next `count` commands of `operation` wait for one another before they go out, so
   * that concurrent writers read the same state (two deliveries of one event racing).
   */
  gather(operation: string, count: number): void;
  /**
   * Answers with `answer` instead (the account grown, say) until the returned function is called,
   * which brings the previous answer back.
   */
  answerWith(answer: Answer): () => void;
  restore(): void;
}

interface MiddlewareContext {
  clientName?: string;
  commandName?: string;
}
type Handler = (args: { input: Record<string, unknown> }) => Promise<{ output: unknown; response: unknown }>;
interface Stack {
  add(
    middleware: (next: Handler, context: MiddlewareContext) => Handler,
    options: { step: 'initialize'; priority: 'high'; name: string },
  ): void;
}

const MIDDLEWARE = 'customsInterceptAws';
const GATHER_MS = 5000;

/**
 * Intercepts every AWS SDK v3 client, whichever package made it: the first `send` of a client adds
 * a middleware to its stack that records the command (at the initialize step, so a lib-dynamodb
 * command is recorded as the DynamoDB operation it runs) and answers it offline through `answer`.
 * @example const aws = interceptAws(answer); await handler(event, context); aws.sent;
 */
export function interceptAws(answer: Answer): AwsInterceptor {
  const sent: SentCommand[] = [];
  const patched = new WeakSet<object>();
  const gatherings = new Map<string, { count: number; waiting: (() => void)[] }>();
  const original = Client.prototype.send;
  let current = answer;

  async function gathered(operation: string): Promise<void> {
    const gathering = gatherings.get(operation);
    if (!gathering) return;
    await new Promise<void>((release) => {
      gathering.waiting.push(release);
      if (gathering.waiting.length < gathering.count) {
        // Never hang a test: whoever did not arrive within GATHER_MS is not waited for.
        setTimeout(release, GATHER_MS);
        return;
      }
      gatherings.delete(operation);
      for (const waiter of gathering.waiting) waiter();
    });
  }

  function intercept(next: Handler, context: MiddlewareContext): Handler {
    return async function record(args) {
      const command = {
        client: context.clientName ?? 'UnknownClient',
        operation: (context.commandName ?? 'Unknown').replace(/Command$/, ''),
        input: args.input,
      };
      sent.push(command);
      await gathered(command.operation);
      const answered = current(command);
      if (!answered) return next(args);
      const output = await answered;
      return { output: { $metadata: { httpStatusCode: 200 }, ...output }, response: {} };
    };
  }

  function send(this: Client<never, never, never, never>, ...args: Parameters<typeof original>) {
    const stack = this.middlewareStack as unknown as Stack;
    if (!patched.has(stack)) {
      stack.add(intercept, { step: 'initialize', priority: 'high', name: MIDDLEWARE });
      patched.add(stack);
    }
    return original.apply(this, args);
  }

  Client.prototype.send = send as typeof original;
  return {
    sent,
    clear: () => {
      sent.length = 0;
    },
    gather(operation, count) {
      gatherings.set(operation, { count, waiting: [] });
    },
    answerWith(next) {
      const previous = current;
      current = next;
      return function answerAsBefore() {
        current = previous;
      };
    },
    restore() {
      Client.prototype.send = original;
    },
  };
}
