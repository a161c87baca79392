import { describe, expect, it } from 'vitest';
import { resourceNameOfRef } from '../src/ref-name.js';

describe('resourceNameOfRef', () => {
  it('names child resources by their parent, as the normalised resources do', () => {
    expect(resourceNameOfRef({ type: 'ecr-image', parent: 'team/app', name: 'sha256:ab' })).toBe(
      'team/app@sha256:ab',
    );
    expect(resourceNameOfRef({ type: 'eks-nodegroup', parent: 'prod', name: 'workers' })).toBe(
      'prod/workers',
    );
    expect(
      resourceNameOfRef({
        type: 'eks-access-entry',
        parent: 'prod',
        name: 'arn:aws:iam::111122223333:role/Admin',
      }),
    ).toBe('prod/arn:aws:iam::111122223333:role/Admin');
  });

  it('names a managed policy by its name and an inline one by its principal', () => {
    expect(
      resourceNameOfRef({ type: 'iam-policy', name: 'arn:aws:iam::111122223333:policy/team/ecr-admin' }),
    ).toBe('ecr-admin');
    expect(
      resourceNameOfRef({ type: 'iam-policy', parent: 'arn:aws:iam::111122223333:user/Bob', name: 'deny' }),
    ).toBe('Bob/deny');
    expect(resourceNameOfRef({ type: 'ecr-repository', name: 'team/app' })).toBe('team/app');
  });
});
