import type { EcrImageScan } from './ecr-image-scan.js';

/**
 * The ECR state of one image a container runs, as the collector read it (docs/DESIGN.md,
 * "Deployed images"): the deployed image is judged as part of its workload resource (the ECS task
 * definition revision in use, the k8s workload), so the checks on what runs stay pure and read
 * only this. One entry per distinct digest the container runs (DescribeTasks
 * `containers[].imageDigest`, pod `status.containerStatuses[].imageID`); when nothing runs with a
 * known digest, one entry for the spec's digest, or for the digest its tag points at in ECR.
 */
export interface DeployedImageState {
  /** `sha256:<64 lowercase hex>` as run (normalised), or absent when only a tag is known and it resolved to nothing. */
  digest?: string;
  /** 'ecr' in this account and region | 'ecr-other' (another account/region) | 'elsewhere' (not ECR). */
  registry: 'ecr' | 'ecr-other' | 'elsewhere';
  /** The account of the ECR registry, for an image in another account's ECR ('ecr-other'). */
  registryAccountId?: string;
  /** The ECR repository (`team/app`), for an ECR image. */
  repositoryName?: string;
  /**
   * found: read from ECR; not-found: not (or no longer) in ECR; unreadable: ECR said AccessDenied
   * or the like (another account's registry included), `reason` says what; not-ecr: not in ECR
   * (`registry` is 'elsewhere'), so there is no ECR state to read.
   */
  state: 'found' | 'not-found' | 'unreadable' | 'not-ecr';
  /** Why the state is unreadable or not-found (the error ECR gave), for the message. */
  reason?: string;
  /** The latest scan (DescribeImages `imageScanStatus` and `imageScanFindingsSummary`), when found and scanned. */
  scan?: EcrImageScan;
  /** ECR managed signing status (DescribeImageSigningStatus), when found and known. */
  signingStatus?: string;
  /** `artifactType` of each OCI referrer of the image (ListImageReferrers): signatures, SBOMs. */
  referrerArtifactTypes: string[];
  /** DescribeImages `imagePushedAt`, when found. */
  pushedAt?: Date;
  /** The digest the spec's tag points at in ECR now (tag drift when ≠ a running digest); absent when the spec pins a digest or the tag was not found. */
  tagDigest?: string;
}
