import { safeText } from '@customs/core';
import { scrubWebhookUrl } from '@customs/notify';

export interface FailureLogOptions {
  /** Writes one line (stderr under `customs start`). */
  write: (line: string) => void;
  /** DynamoDB Local's endpoint, `http://127.0.0.1:<port>`, to name it when it stops answering. */
  dynamoEndpoint: string;
  /** Never shown: replaced by `…` (the API token). */
  secrets?: readonly string[];
  /** Never shown: shown redacted (the Slack webhooks). */
  webhookUrls?: readonly string[];
  /** The same failure is shown again after this long, with how often it recurred; 60 s by default. */
  quietMs?: number;
  clock?: () => number;
}

/** Where the running stack reports what failed, once per failure rather than once per retry. */
export interface FailureLog {
  /** An unexpected error of `what` (`GET /summary (answered 500)`, `the fan-out`). */
  report(error: unknown, what: string): void;
}

/** Distinct failures remembered for de-duplication (a bound, whatever the errors hold). */
const MAX_REMEMBERED = 100;

/** Connection failures: the other side is down, not the request wrong. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

function codeOf(error: unknown): string | undefined {
  const direct = (error as { code?: unknown } | null)?.code;
  const nested = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  const code = typeof direct === 'string' ? direct : nested;
  return typeof code === 'string' ? code : undefined;
}

/**
 * What failed, in words: DynamoDB Local named when it is what stopped answering, otherwise the
 * error's name and message.
 */
function describe(error: unknown, dynamoEndpoint: string): string {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const port = new URL(dynamoEndpoint).port;
  const address = (error as { port?: unknown } | null)?.port;
  const atDynamo = String(address) === port || message.includes(`127.0.0.1:${port}`);
  if (code && UNREACHABLE.has(code) && atDynamo) {
    return `DynamoDB Local (${dynamoEndpoint}) is not answering (${code}): it may have stopped; restart customs start`;
  }
  return error instanceof Error ? `${error.name}: ${message}${code ? ` (${code})` : ''}` : message;
}

/**
 * The stack's failure log: each unexpected error as one bounded, control-escaped line, with
 * secrets removed (the token, the webhooks), and the same failure once, not once per request or
 * poll: repeats within `quietMs` are counted and shown with the next line about it.
 * @example
 * const log = failureLog({ write: (line) => process.stderr.write(`${line}\n`), dynamoEndpoint });
 * log.report(error, 'GET /summary (answered 500)');
 */
export function failureLog(options: FailureLogOptions): FailureLog {
  const clock = options.clock ?? Date.now;
  const quietMs = options.quietMs ?? 60_000;
  const seen = new Map<string, { at: number; repeats: number }>();
  const scrub = (text: string) => {
    let clean = text;
    for (const url of options.webhookUrls ?? []) clean = scrubWebhookUrl(clean, url);
    for (const secret of options.secrets ?? []) if (secret) clean = clean.split(secret).join('…');
    return clean;
  };
  return {
    report(error, what) {
      const description = scrub(describe(error, options.dynamoEndpoint));
      const now = clock();
      const last = seen.get(description);
      if (last && now - last.at < quietMs) {
        last.repeats++;
        return;
      }
      const again = last?.repeats ? ` (${last.repeats} more time(s) since the last report)` : '';
      if (seen.size >= MAX_REMEMBERED) seen.clear();
      seen.set(description, { at: now, repeats: 0 });
      // What failed may hold a requested path: bounded on its own, so the cause always shows.
      const where = safeText(scrub(what), { maxLength: 200 });
      options.write(safeText(`customs: ${where} failed: ${description}${again}`, { maxLength: 800 }));
    },
  };
}
