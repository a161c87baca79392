import { describe, expect, it } from 'vitest';
import { eksNodegroupContainerOptimizedOs as check } from '../../../src/catalog/eks/eks-nodegroup-container-optimized-os.js';
import { sampleNodegroup } from '../../helpers/eks.js';
import { eksNodegroup } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

describe('eks-nodegroup-container-optimized-os', () => {
  it.each([
    'BOTTLEROCKET_x86_64',
    'BOTTLEROCKET_ARM_64_FIPS',
    'AL2023_x86_64_STANDARD',
    'AL2023_ARM_64_NVIDIA',
  ])('passes amiType %s', (amiType) => {
    const outcome = runCheck(check, eksNodegroup({ amiType }));
    expect(outcome).toEqual({ status: 'PASS', message: `Nodegroup prod/workers runs amiType ${amiType}` });
  });

  it('fails the documented sample on AL2_x86_64, naming the AMI type', () => {
    const outcome = runCheck(check, sampleNodegroup());
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Nodegroup my-eks-cluster/my-eks-nodegroup runs amiType AL2_x86_64, not Bottlerocket or AL2023',
    });
  });

  it('fails Windows and GPU AL2 types', () => {
    expect(runCheck(check, eksNodegroup({ amiType: 'WINDOWS_CORE_2022_x86_64' })).status).toBe('FAIL');
    expect(runCheck(check, eksNodegroup({ amiType: 'AL2_x86_64_GPU' })).status).toBe('FAIL');
  });

  it('is not applicable to CUSTOM, whose AMI is in the launch template', () => {
    const outcome = runCheck(check, eksNodegroup({ amiType: 'CUSTOM' }));
    expect(outcome.status).toBe('NOT_APPLICABLE');
    expect(outcome.message).toContain('launch template');
  });

  it('fails a nodegroup that reports no amiType', () => {
    expect(runCheck(check, eksNodegroup({ amiType: undefined }))).toEqual({
      status: 'FAIL',
      message: 'Nodegroup prod/workers reports no amiType',
    });
  });
});
