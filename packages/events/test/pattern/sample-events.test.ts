import { describe, expect, it } from 'vitest';
import { type EventPattern, matchesEventPattern } from '../../src/index.js';
import { loadEvent } from './fixtures.js';

const push = loadEvent('ecr-image-action-push');
const deletion = loadEvent('ecr-image-action-delete');
const basicScan = loadEvent('ecr-image-scan-basic');
const inspectorFinding = loadEvent('inspector2-finding-ecr');
const inspectorScan = loadEvent('inspector2-scan-ecr');
const fargateTermination = loadEvent('eks-fargate-pod-scheduled-termination');

describe('patterns on AWS sample events', () => {
  it('routes a successful ECR push, not a delete', () => {
    const pattern: EventPattern = {
      source: ['aws.ecr'],
      'detail-type': ['ECR Image Action'],
      detail: { 'action-type': ['PUSH'], result: ['SUCCESS'] },
    };
    expect(matchesEventPattern(pattern, push)).toBe(true);
    expect(matchesEventPattern(pattern, deletion)).toBe(false);
  });

  it('selects basic scans that found critical vulnerabilities', () => {
    const pattern: EventPattern = {
      source: ['aws.ecr'],
      'detail-type': ['ECR Image Scan'],
      detail: {
        'scan-status': ['COMPLETE'],
        'finding-severity-counts': { CRITICAL: [{ numeric: ['>', 0] }] },
      },
    };
    expect(matchesEventPattern(pattern, basicScan)).toBe(true);
    expect(matchesEventPattern(pattern, inspectorScan)).toBe(false);
  });

  it('sees the basic scan’s empty image-tags as absent and Inspector’s as present', () => {
    const untagged: EventPattern = { detail: { 'image-tags': [{ exists: false }] } };
    expect(matchesEventPattern(untagged, basicScan)).toBe(true);
    expect(matchesEventPattern(untagged, inspectorScan)).toBe(false);
  });

  it('matches Inspector2 findings on an ECR image through the resources array', () => {
    const pattern: EventPattern = {
      source: ['aws.inspector2'],
      'detail-type': ['Inspector2 Finding'],
      detail: {
        severity: ['HIGH', 'CRITICAL', 'MEDIUM'],
        inspectorScore: [{ numeric: ['>=', 4, '<', 9] }],
        resources: {
          type: ['AWS_ECR_CONTAINER_IMAGE'],
          details: { awsEcrContainerImage: { repositoryName: [{ wildcard: 'amazon/*-sample' }] } },
        },
      },
    };
    expect(matchesEventPattern(pattern, inspectorFinding)).toBe(true);
    expect(matchesEventPattern({ ...pattern, source: ['aws.ecr'] }, inspectorFinding)).toBe(false);
  });

  it('matches a repository ARN suffix in the top-level resources array', () => {
    const pattern: EventPattern = {
      resources: [{ wildcard: 'arn:aws:ecr:*:123456789012:repository/*' }],
      $or: [{ 'detail-type': ['Inspector2 Scan'] }, { 'detail-type': ['ECR Image Scan'] }],
    };
    expect(matchesEventPattern(pattern, inspectorScan)).toBe(true);
    expect(matchesEventPattern(pattern, basicScan)).toBe(true);
    expect(matchesEventPattern(pattern, push)).toBe(false);
  });

  it('matches EKS Fargate terminations outside kube-system', () => {
    const pattern: EventPattern = {
      source: ['aws.eks'],
      detail: { podNamespace: [{ 'anything-but': { prefix: 'kube-' } }], clusterName: [{ exists: true }] },
    };
    expect(matchesEventPattern(pattern, fargateTermination)).toBe(true);
    expect(matchesEventPattern(pattern, push)).toBe(false);
  });
});
