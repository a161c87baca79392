import { describe, expect, it } from 'vitest';
import { eksClusterSecretsEncrypted as check } from '../../../src/catalog/eks/eks-cluster-secrets-encrypted.js';
import { sampleCluster } from '../../helpers/eks.js';
import { eksCluster } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('eks-cluster-secrets-encrypted', () => {
  it('passes when an encryptionConfig entry lists secrets', () => {
    expect(runCheck(check, eksCluster({ encryptedResources: ['secrets'] }))).toEqual({
      status: 'PASS',
      message: 'Cluster prod encrypts secrets with a KMS key',
    });
  });

  it('fails the documented sample, which has no encryptionConfig', () => {
    expect(runCheck(check, sampleCluster())).toEqual({
      status: 'FAIL',
      message: 'Cluster my-eks-cluster has no encryptionConfig for secrets (encrypted resources: none)',
    });
  });

  it('fails when other resources but not secrets are encrypted, listing them', () => {
    const outcome = runCheck(check, eksCluster({ encryptedResources: ['configmaps'] }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('encrypted resources: configmaps');
  });
});
