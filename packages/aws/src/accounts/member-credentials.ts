import type { AssumeRoleCommandOutput, STSClient } from '@aws-sdk/client-sts';
import { CustomsError, type CustomsErrorKind, safeText } from '@customs/core';
import { DEFAULT_MAX_ATTEMPTS } from '../live/clients.js';

/** Temporary credentials, as the SDK clients take them. */
export interface MemberIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** How {@link MemberCredentials} assumes the member role. */
export interface MemberCredentialsOptions {
  /** The role in each member account (`CustomsReadOnly`). */
  roleName: string;
  /** Names the sessions `customs-<function>` (CloudTrail shows who read). */
  functionName: string;
  /** The `sts:ExternalId` the roles' trust requires, when configured. */
  externalId?: string;
  /**
   * The STS client (else one with adaptive retry, made on the first AssumeRole: STS throttling is
   * retried by the SDK; its code is imported then, so a bundle split as SST splits it loads it only
   * in an organisation).
   */
  sts?: Pick<STSClient, 'send'>;
  /** Credentials are renewed this long before they expire [5 minutes]. */
  refreshBeforeMs?: number;
  /** The clock [Date.now]. */
  now?: () => number;
  /** Waits between attempts after STS throttling [setTimeout]. */
  sleep?: (ms: number) => Promise<void>;
}

/** Attempts of one AssumeRole when STS throttles (besides the SDK's own retries): bounded. */
const THROTTLED_ATTEMPTS = 4;
const BACKOFF_MS = 250;

/** Renewed this long before they expire: an SDK call that starts now still signs with live credentials. */
const REFRESH_BEFORE_MS = 5 * 60_000;

/** STS's RoleSessionName: 2 to 64 of `\w+=,.@-`. */
function sessionName(functionName: string): string {
  const name = `customs-${functionName}`.replace(/[^\w+=,.@-]/g, '-');
  return name.slice(0, 64);
}

/** The STS error's kind: denied (the role missing, its trust, STS off in the region), throttled, else internal. */
function kindOfStsError(name: string): CustomsErrorKind {
  if (name === 'AccessDenied' || name === 'RegionDisabledException') return 'access-denied';
  if (name === 'Throttling' || name === 'ThrottlingException') return 'throttled';
  return 'internal';
}

/**
 * The member role could not be assumed. The message names the role and STS's answer (its error
 * name and message, bounded and control-escaped); never credentials.
 */
export class MemberRoleError extends CustomsError {
  override name = 'MemberRoleError';
}

/**
 * The credentials of each member account: STS AssumeRole of
 * `arn:aws:iam::<account>:role/<roleName>` (session `customs-<function>`, the external id when
 * configured), one call per account per credential lifetime: cached until 5 minutes before they
 * expire, concurrent callers sharing the one call in flight. A failed call is not cached.
 * @example
 * const members = new MemberCredentials({ roleName: 'CustomsReadOnly', functionName: 'sweep-worker' });
 * const clients = createAwsClients({ region, credentials: members.provider('444455556666') });
 */
export class MemberCredentials {
  readonly #options: MemberCredentialsOptions;
  #sts: Pick<STSClient, 'send'> | undefined;
  readonly #cached = new Map<string, MemberIdentity>();
  readonly #inFlight = new Map<string, Promise<MemberIdentity>>();
  /** AssumeRole requests sent (the bench counts them). */
  calls = 0;

  constructor(options: MemberCredentialsOptions) {
    this.#options = options;
    this.#sts = options.sts;
  }

  /** The role's ARN in the account. */
  roleArn(accountId: string): string {
    return `arn:aws:iam::${accountId}:role/${this.#options.roleName}`;
  }

  /** A credentials provider for the SDK clients of one account (`credentials` of createAwsClients). */
  provider(accountId: string): () => Promise<MemberIdentity> {
    return () => this.credentials(accountId);
  }

  /** The account's credentials: cached ones while fresh, else the call in flight, else a new call. */
  credentials(accountId: string): Promise<MemberIdentity> {
    const now = (this.#options.now ?? Date.now)();
    const cached = this.#cached.get(accountId);
    const early = this.#options.refreshBeforeMs ?? REFRESH_BEFORE_MS;
    if (cached && cached.expiration.getTime() - early > now) return Promise.resolve(cached);
    let call = this.#inFlight.get(accountId);
    if (!call) {
      call = this.#assume(accountId).finally(() => this.#inFlight.delete(accountId));
      this.#inFlight.set(accountId, call);
    }
    return call;
  }

  async #assume(accountId: string): Promise<MemberIdentity> {
    const roleArn = this.roleArn(accountId);
    const credentials = (await this.#send(roleArn)).Credentials;
    if (
      !credentials?.AccessKeyId ||
      !credentials.SecretAccessKey ||
      !credentials.SessionToken ||
      !credentials.Expiration
    ) {
      throw new MemberRoleError('internal', `cannot assume ${roleArn}: STS answered without credentials`);
    }
    const identity = {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
      expiration: new Date(credentials.Expiration),
    };
    this.#cached.set(accountId, identity);
    return identity;
  }

  /** AssumeRole, retried with backoff while STS throttles; its error as a {@link MemberRoleError}. */
  async #send(roleArn: string): Promise<AssumeRoleCommandOutput> {
    const { AssumeRoleCommand, STSClient } = await import('@aws-sdk/client-sts');
    this.#sts ??= new STSClient({ retryMode: 'adaptive', maxAttempts: DEFAULT_MAX_ATTEMPTS });
    const sts = this.#sts;
    const command = new AssumeRoleCommand({
      RoleArn: roleArn,
      RoleSessionName: sessionName(this.#options.functionName),
      ...(this.#options.externalId ? { ExternalId: this.#options.externalId } : {}),
    });
    const sleep = this.#options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
    for (let attempt = 1; ; attempt += 1) {
      try {
        this.calls += 1;
        return await sts.send(command);
      } catch (error) {
        const name = error instanceof Error ? error.name : 'Error';
        const kind = kindOfStsError(name);
        if (kind === 'throttled' && attempt < THROTTLED_ATTEMPTS) {
          await sleep(BACKOFF_MS * 2 ** (attempt - 1) * (0.5 + Math.random() / 2));
          continue;
        }
        const message = error instanceof Error ? error.message : String(error);
        const why = `${safeText(name, { maxLength: 80 })}: ${safeText(message, { maxLength: 300 })}`;
        throw new MemberRoleError(kind, `cannot assume ${roleArn}: ${why}`, { code: name });
      }
    }
  }
}
