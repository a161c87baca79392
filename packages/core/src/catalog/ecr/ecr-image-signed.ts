import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';
import { isSignatureArtifactType, isSignedStatus } from './signature-artifacts.js';

export const ecrImageSigned = defineCheck({
  id: 'ecr-image-signed',
  title: 'ECR images carry a signature (ECR managed signing, Notation or Sigstore)',
  resourceType: 'ecr-image',
  recommendation: 'CSA-3',
  severity: 'high',
  rationale:
    'Without a signature nothing proves an image came from the approved build pipeline, so admission controls cannot tell an approved image from one pushed by a compromised credential.',
  remediation: {
    text: 'Turn on ECR managed signing with an AWS Signer profile so every pushed image is signed, then re-push (or sign with Notation or cosign) images pushed before it; enforce signatures at admission.',
    cli: 'aws ecr put-signing-configuration --signing-configuration \'{"rules":[{"signingProfileArn":"arn:aws:signer:<region>:<account-id>:/signing-profiles/<profile>"}]}\'',
    iac: {
      format: 'cloudformation',
      snippet:
        'SigningConfiguration:\n  Type: AWS::ECR::SigningConfiguration\n  Properties:\n    Rules:\n      - SigningProfileArn: arn:aws:signer:<region>:<account-id>:/signing-profiles/<profile>',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/managed-signing.html',
  },
  mappings: {},
  reads: ['signingStatus', 'referrerArtifactTypes'],
  evaluate(image) {
    if (isSignedStatus(image.signingStatus)) {
      return pass(`Image ${image.name} is signed by ECR managed signing (status ${image.signingStatus})`);
    }
    const signature = image.referrerArtifactTypes.find(isSignatureArtifactType);
    if (signature !== undefined) return pass(`Image ${image.name} has a signature referrer ${signature}`);
    const referrers =
      image.referrerArtifactTypes.length > 0 ? image.referrerArtifactTypes.join(', ') : 'none';
    return fail(
      `Image ${image.name} has no signature: signingStatus=${image.signingStatus ?? 'absent'}, referrer artifact types: ${referrers}`,
    );
  },
});
