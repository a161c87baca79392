import { isSignatureArtifactType, isSignedStatus } from '../catalog/ecr/signature-artifacts.js';
import type { Config } from '../config.js';
import type { DeployedImageState } from '../types/deployed-image.js';
import { AWS_EKS_ADDON_REGISTRY_ACCOUNTS } from './aws-addon-registries.js';
import { readImage } from './read-image.js';

/**
 * The judgement of the deployed-image checks (CSA-3: what runs is what was approved), shared by
 * the ECS task definition and Kubernetes workload sets as approved-registry.ts is: each judges the
 * ECR state the reader put on every container (`deployedImages`), never reading anything itself.
 */

/** A container as the deployed-image checks see it: a label for messages, its image and its states. */
export interface DeployedContainer {
  /** `api`, `init container setup`: how the message names it. */
  label: string;
  image?: string;
  deployedImages: readonly DeployedImageState[];
}

/** What one check makes of one running image: fine, an offence (the message's words), or not its to judge. */
export type ImageVerdict = { ok: string } | { offence: string } | { skip: string };

/** One check's judgement of a single image state. */
export type ImageJudge = (state: DeployedImageState, context: JudgeContext) => ImageVerdict;

export interface JudgeContext {
  config: Config;
  now: Date;
  /** The spec's tag (`v1`), when the image names one. */
  tag?: string;
}

/** The result over every container: offences and fine images by container, and how many were judged. */
export interface DeployedJudgement {
  offences: string[];
  fine: string[];
  skipped: string[];
}

const DAY_MS = 86_400_000;
/** Scan statuses whose counts are a finished result (basic COMPLETE, enhanced ACTIVE), as ecr-image's. */
const RESULT_STATUSES = new Set(['COMPLETE', 'ACTIVE']);
/** Scan statuses that mean a result is on its way. */
const WAITING_STATUSES = new Set(['IN_PROGRESS', 'PENDING']);
/** The most characters of a reference a message quotes. */
const MAX_REFERENCE = 120;

/**
 * A digest for a message: the algorithm and the first 12 hex characters (`sha256:0123456789ab…`).
 * @example shortDigest(`sha256:${'a'.repeat(64)}`) // 'sha256:aaaaaaaaaaaa…'
 */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':');
  const cut = colon < 0 ? 19 : colon + 13;
  return digest.length <= cut ? digest : `${digest.slice(0, cut)}…`;
}

function quoted(reference: string): string {
  return reference.length <= MAX_REFERENCE ? reference : `${reference.slice(0, MAX_REFERENCE)}…`;
}

/** `team/app@sha256:0123456789ab…` or `team/app (no digest)`: an image state for a message. */
function named(state: DeployedImageState): string {
  const where = state.repositoryName ?? 'image';
  return state.digest === undefined ? `${where} (no digest)` : `${where}@${shortDigest(state.digest)}`;
}

/**
 * Judges every container's deployed images with `judge`. A container whose image is missing or
 * malformed is an offence naming it (the reference and the parser's reason); an unreadable state
 * that reached a check (the reader marks `unreadable.deployedImages`, so the evaluation records
 * ERROR first) is an offence with the reason rather than a silent pass.
 * @example judgeDeployed(containers, judgeScanned, { config, now }).offences
 */
export function judgeDeployed(
  containers: readonly DeployedContainer[],
  judge: ImageJudge,
  context: Omit<JudgeContext, 'tag'>,
  onTrusted: 'ok' | 'skip' = 'skip',
): DeployedJudgement {
  const result: DeployedJudgement = { offences: [], fine: [], skipped: [] };
  for (const container of containers) {
    const image = readImage(container.image);
    if (image.kind === 'missing') {
      result.offences.push(`${container.label} (no image)`);
      continue;
    }
    if (image.kind === 'invalid') {
      result.offences.push(
        `${container.label} (image "${quoted(container.image ?? '')}" is malformed: ${image.error})`,
      );
      continue;
    }
    const reference = quoted(image.reference.text);
    const tag = image.reference.tag;
    for (const state of container.deployedImages) {
      const verdict: ImageVerdict = isTrustedImage(state, context.config)
        ? trustedVerdict(state, onTrusted)
        : state.state === 'unreadable'
          ? { offence: `ECR state unreadable: ${state.reason ?? 'no reason given'}` }
          : judge(state, { ...context, ...(tag === undefined ? {} : { tag }) });
      const line = `${container.label} (${reference}, ${named(state)}: `;
      if ('offence' in verdict) result.offences.push(`${line}${verdict.offence})`);
      else if ('ok' in verdict) result.fine.push(`${line}${verdict.ok})`);
      else result.skipped.push(`${line}${verdict.skip})`);
    }
  }
  return result;
}

/**
 * Whether an image is in the ECR of an account `trustedImageAccounts` lists (by default AWS's EKS
 * add-on registries): Customs cannot read it, and trusts it instead of recording ERROR.
 * @example isTrustedImage({ registry: 'ecr-other', registryAccountId: '602401143452', … }, config) // true
 */
export function isTrustedImage(state: DeployedImageState, config: Config): boolean {
  return (
    state.registry === 'ecr-other' &&
    state.registryAccountId !== undefined &&
    config.trustedImageAccounts.includes(state.registryAccountId)
  );
}

/** A trusted account's image: not this check's to judge (scanned, signed, fresh), or in ECR (in-ecr). */
function trustedVerdict(state: DeployedImageState, onTrusted: 'ok' | 'skip'): ImageVerdict {
  const account = state.registryAccountId ?? '';
  const why = AWS_EKS_ADDON_REGISTRY_ACCOUNTS.includes(account)
    ? `AWS-managed add-on image from account ${account}, trusted (trustedImageAccounts)`
    : `image of account ${account}, trusted (trustedImageAccounts)`;
  return onTrusted === 'ok' ? { ok: why } : { skip: why };
}

const DELETED = 'not in ECR: see the deployed-images-in-ecr check';

/**
 * Scanned and within the allowance: in ECR, with a finished scan (basic COMPLETE, enhanced
 * ACTIVE) whose CRITICAL and HIGH counts are at most `maxCritical` and `maxHigh`. A scan still
 * on its way within `scanGraceMinutes` of the push is skipped; an image outside ECR has no scan
 * Customs can read, an offence.
 */
export function judgeScanned(state: DeployedImageState, { config, now }: JudgeContext): ImageVerdict {
  if (state.state === 'not-ecr') return { offence: 'not in ECR, so no scan Customs can read' };
  if (state.state !== 'found') return { skip: DELETED };
  const scan = state.scan;
  const status = scan?.status;
  const finished = status === undefined ? scan?.completedAt !== undefined : RESULT_STATUSES.has(status);
  if (!finished) {
    const waiting = scan === undefined || (status !== undefined && WAITING_STATUSES.has(status));
    const pushed = state.pushedAt?.getTime();
    if (waiting && pushed !== undefined && now.getTime() - pushed <= config.scanGraceMinutes * 60_000) {
      return { skip: `scan ${status ?? 'not started'} within scanGraceMinutes=${config.scanGraceMinutes}` };
    }
    return { offence: scan === undefined ? 'never scanned' : `scan status ${status}` };
  }
  const critical = scan?.severityCounts.CRITICAL ?? 0;
  const high = scan?.severityCounts.HIGH ?? 0;
  const over: string[] = [];
  if (critical > config.maxCritical) over.push(`${critical} CRITICAL (maxCritical=${config.maxCritical})`);
  if (high > config.maxHigh) over.push(`${high} HIGH (maxHigh=${config.maxHigh})`);
  if (over.length > 0) return { offence: over.join(', ') };
  return { ok: `scan ${status ?? 'complete'}, ${critical} CRITICAL, ${high} HIGH` };
}

/** Signed as ecr-image-signed judges: ECR managed signing, or a Notation or Sigstore referrer. */
export function judgeSigned(state: DeployedImageState): ImageVerdict {
  if (state.state === 'not-ecr') return { offence: 'not in ECR, so no signature Customs can verify' };
  if (state.state !== 'found') return { skip: DELETED };
  if (isSignedStatus(state.signingStatus))
    return { ok: `signed (ECR managed signing ${state.signingStatus})` };
  const signature = state.referrerArtifactTypes.find(isSignatureArtifactType);
  if (signature !== undefined) return { ok: `signature referrer ${signature}` };
  const referrers = state.referrerArtifactTypes.length > 0 ? state.referrerArtifactTypes.join(', ') : 'none';
  return {
    offence: `no signature: signingStatus=${state.signingStatus ?? 'absent'}, referrers: ${referrers}`,
  };
}

/**
 * Fresh and not drifted: pushed at most `imageMaxAgeDays` ago, and the spec's tag still points at
 * the digest that runs (`tagDigest`). Images outside ECR have no push time: skipped.
 */
export function judgeFresh(state: DeployedImageState, { config, now, tag }: JudgeContext): ImageVerdict {
  if (state.state === 'not-ecr') return { skip: 'not in ECR: no push time' };
  if (state.state !== 'found') return { skip: DELETED };
  const problems: string[] = [];
  if (state.tagDigest !== undefined && state.digest !== undefined && state.tagDigest !== state.digest) {
    problems.push(`tag ${tag ?? '(spec)'} now points at ${shortDigest(state.tagDigest)}: drift`);
  }
  let age = 'no push time';
  if (state.pushedAt !== undefined) {
    const ageMs = now.getTime() - state.pushedAt.getTime();
    const days = Math.floor(ageMs / DAY_MS);
    age = `pushed ${days} day(s) ago`;
    if (ageMs > config.imageMaxAgeDays * DAY_MS) {
      problems.push(`pushed ${days} days ago, more than imageMaxAgeDays=${config.imageMaxAgeDays}`);
    }
  }
  return problems.length > 0 ? { offence: problems.join('; ') } : { ok: age };
}

/** Still in ECR: an ECR image that runs but is not (or no longer) in its repository is an offence. */
export function judgeInEcr(state: DeployedImageState): ImageVerdict {
  if (state.state === 'not-ecr') return { skip: 'not in ECR' };
  if (state.state === 'not-found') {
    return {
      offence:
        state.digest === undefined
          ? `the tag resolves to no image in ECR${state.reason ? ` (${state.reason})` : ''}`
          : `still runs, deleted from ECR${state.reason ? ` (${state.reason})` : ''}`,
    };
  }
  return { ok: 'in ECR' };
}
