import type { LaunchTemplateVersion } from '@aws-sdk/client-ec2';
import type { Wire } from './wire.js';

/**
 * The version a nodegroup uses among DescribeLaunchTemplateVersions' versions: a number,
 * `$Default` (the version marked default) or `$Latest` (the highest number).
 * @example resolveLaunchTemplateVersion(versions, '$Default')?.VersionNumber
 */
export function resolveLaunchTemplateVersion(
  versions: Wire<LaunchTemplateVersion>[],
  version: string | undefined,
): Wire<LaunchTemplateVersion> | undefined {
  const wanted = version ?? '$Default';
  if (wanted === '$Default') return versions.find((candidate) => candidate.DefaultVersion === true);
  if (wanted === '$Latest') {
    return versions.reduce<Wire<LaunchTemplateVersion> | undefined>(
      (latest, candidate) =>
        (candidate.VersionNumber ?? 0) > (latest?.VersionNumber ?? -1) ? candidate : latest,
      undefined,
    );
  }
  return versions.find((candidate) => String(candidate.VersionNumber) === wanted);
}
