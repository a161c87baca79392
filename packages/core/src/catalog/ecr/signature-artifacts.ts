/** Notation (Notary Project) signature manifests: `artifactType` from the signature's config media type. */
const NOTATION_SIGNATURE = 'application/vnd.cncf.notary.signature';
/** Sigstore bundles attached by cosign as OCI 1.1 referrers (`...bundle.v0.3+json`, `...bundle+json;version=0.1`). */
const SIGSTORE_BUNDLE_PREFIX = 'application/vnd.dev.sigstore.bundle';
/** cosign signatures stored as OCI 1.1 referrers in its legacy (non-bundle) format. */
const COSIGN_SIGNATURE = 'application/vnd.dev.cosign.artifact.sig.v1+json';

/**
 * Is an OCI referrer's `artifactType` a Notation or Sigstore signature? Compared without media
 * type parameters and case.
 * @example isSignatureArtifactType('application/vnd.dev.sigstore.bundle.v0.3+json') // true
 */
export function isSignatureArtifactType(artifactType: string): boolean {
  const type = artifactType.trim().toLowerCase();
  const base = type.split(';')[0]?.trim() ?? '';
  return base === NOTATION_SIGNATURE || base === COSIGN_SIGNATURE || type.startsWith(SIGSTORE_BUNDLE_PREFIX);
}

/** Is an ECR managed signing status a generated signature (`COMPLETE`, or `SIGNED`)? */
export function isSignedStatus(status: string | undefined): boolean {
  return status !== undefined && ['COMPLETE', 'SIGNED'].includes(status.toUpperCase());
}
