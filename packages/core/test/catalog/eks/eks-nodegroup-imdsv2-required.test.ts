import { describe, expect, it } from 'vitest';
import { eksNodegroupImdsv2Required as check } from '../../../src/catalog/eks/eks-nodegroup-imdsv2-required.js';
import { CheckRegistry } from '../../../src/check/registry.js';
import { evaluate } from '../../../src/evaluate.js';
import { sampleNodegroup } from '../../helpers/eks.js';
import { eksNodegroup, NOW } from '../../helpers/resources.js';
import { runCheck } from '../../helpers/run-check.js';

const TEMPLATE = { id: 'lt-0123456789abcdef0', version: '3' };

describe('eks-nodegroup-imdsv2-required', () => {
  it('passes a launch template with HttpTokens=required and hop limit 1', () => {
    // Prepare
    const nodegroup = eksNodegroup({
      launchTemplate: {
        ...TEMPLATE,
        metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1 },
      },
    });
    // Act
    const outcome = runCheck(check, nodegroup);
    // Assess
    expect(outcome).toEqual({
      status: 'PASS',
      message:
        'Nodegroup prod/workers: launch template lt-0123456789abcdef0 version 3 requires IMDSv2 with hop limit 1',
    });
  });

  it('fails a nodegroup without a launch template, like the documented sample', () => {
    const outcome = runCheck(check, sampleNodegroup());
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('my-eks-cluster/my-eks-nodegroup has no launch template');
    expect(outcome.message).toContain('hop limit 2');
  });

  it('fails a launch template whose metadata options are absent', () => {
    const outcome = runCheck(check, eksNodegroup({ launchTemplate: { name: 'nodes', version: '1' } }));
    expect(outcome).toEqual({
      status: 'FAIL',
      message: 'Nodegroup prod/workers: launch template nodes version 1 sets no metadata options',
    });
  });

  it('fails hop limit 2 even with tokens required, naming the value', () => {
    const outcome = runCheck(
      check,
      eksNodegroup({
        launchTemplate: {
          ...TEMPLATE,
          metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 2 },
        },
      }),
    );
    expect(outcome).toEqual({
      status: 'FAIL',
      message:
        'Nodegroup prod/workers: launch template lt-0123456789abcdef0 version 3 has HttpPutResponseHopLimit=2 (needs HttpTokens=required, hop limit ≤ 1)',
    });
  });

  it('fails IMDSv1 allowed (HttpTokens=optional) even with hop limit 1', () => {
    const outcome = runCheck(
      check,
      eksNodegroup({
        launchTemplate: {
          ...TEMPLATE,
          metadataOptions: { httpTokens: 'optional', httpPutResponseHopLimit: 1 },
        },
      }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('HttpTokens=optional');
  });

  it('fails metadata options that leave tokens and hop limit unset, naming both', () => {
    const outcome = runCheck(
      check,
      eksNodegroup({ launchTemplate: { ...TEMPLATE, metadataOptions: { httpEndpoint: 'enabled' } } }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain('HttpTokens=(unset)');
    expect(outcome.message).toContain('HttpPutResponseHopLimit=(unset)');
  });

  it('is recorded as ERROR, not FAIL, when the launch template could not be read', () => {
    // Prepare
    const nodegroup = eksNodegroup({
      unreadable: { launchTemplate: 'AccessDenied: ec2:DescribeLaunchTemplateVersions' },
    });
    // Act
    const [finding] = evaluate(nodegroup, { catalog: new CheckRegistry([check]), now: NOW });
    // Assess
    expect(finding?.status).toBe('ERROR');
    expect(finding?.message).toContain('ec2:DescribeLaunchTemplateVersions');
  });
});
