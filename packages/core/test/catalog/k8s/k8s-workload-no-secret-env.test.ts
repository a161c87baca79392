import { describe, expect, it } from 'vitest';
import { k8sWorkloadNoSecretEnv as check } from '../../../src/catalog/k8s/k8s-workload-no-secret-env.js';
import type { K8sContainerKind } from '../../../src/types/kubernetes.js';
import { k8sContainer, podTemplate, sampleWorkload } from '../../helpers/k8s.js';
import { runCheck } from '../../helpers/run-check.js';

const LABEL = 'Deployment default/nginx-deployment';

describe('k8s-workload-no-secret-env', () => {
  it("passes the documentation's Deployment, whose container has no env at all", () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'PASS',
      message: `${LABEL}: none of its 1 container(s) takes a Secret into an environment variable`,
    });
  });

  it.each<[K8sContainerKind, string]>([
    ['container', 'app'],
    ['initContainer', 'init container app'],
    ['ephemeralContainer', 'ephemeral container app'],
  ])('fails a %s with a secretKeyRef variable, naming it and the variable', (kind, shown) => {
    // Prepare
    const workload = sampleWorkload({
      template: podTemplate({
        containers: [k8sContainer(), k8sContainer({ kind, name: 'app', secretEnv: ['DB_PASSWORD'] })],
      }),
    });
    // Act
    const outcome = runCheck(check, workload);
    // Assess
    expect(outcome).toEqual({
      status: 'FAIL',
      message: `${LABEL} takes Secrets into environment variables (secretKeyRef): ${shown} (DB_PASSWORD)`,
    });
  });

  it('passes every container kind without secretKeyRef variables', () => {
    const workload = sampleWorkload({
      template: podTemplate({
        containers: [
          k8sContainer(),
          k8sContainer({ kind: 'initContainer', name: 'setup' }),
          k8sContainer({ kind: 'ephemeralContainer', name: 'debugger' }),
        ],
      }),
    });
    expect(runCheck(check, workload).status).toBe('PASS');
  });

  it('bounds the message: ten variables per container, then how many more', () => {
    const secretEnv = Array.from({ length: 12 }, (_, index) => `SECRET_${index}`);
    const workload = sampleWorkload({ template: podTemplate({ containers: [k8sContainer({ secretEnv })] }) });
    const outcome = runCheck(check, workload);
    expect(outcome.message).toContain('SECRET_9 and 2 more)');
    expect(outcome.message).not.toContain('SECRET_10');
  });

  it('is NOT_APPLICABLE without containers', () => {
    expect(runCheck(check, sampleWorkload({ template: podTemplate({ containers: [] }) }))).toEqual({
      status: 'NOT_APPLICABLE',
      message: `${LABEL} has no containers in its pod template`,
    });
  });
});
