import { describe, expect, it } from 'vitest';
import { FRESH, IN_ECR, SCANNED, SIGNED } from '../src/catalog/deployed/index.js';
import { DEFAULT_CONFIG, parseConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';
import type { DeployedImageState } from '../src/types/deployed-image.js';
import { ecsRunning, foundImage, K8S_IMAGE, k8sRunning, RUNNING } from './helpers/deployed.js';
import { imageScan } from './helpers/ecr.js';
import { runCheck } from './helpers/run-check.js';

/** kube-proxy as the EKS add-on installs it, from AWS's registry for us-west-2 (add-ons-images). */
const KUBE_PROXY = '602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/kube-proxy:v1.29.0-minimal-eksbuild.1';
const OTHER = '999999999999.dkr.ecr.us-west-2.amazonaws.com/team/app:v1';

/** Another account's ECR image as the reader gives it: unreadable, with the reason and the account. */
function otherAccountImage(image: string): DeployedImageState {
  const account = image.slice(0, 12);
  const repository = image.slice(image.indexOf('/') + 1, image.lastIndexOf(':'));
  return {
    digest: RUNNING,
    registry: 'ecr-other',
    registryAccountId: account,
    repositoryName: repository,
    state: 'unreadable',
    reason: `${repository} is in the ECR of account ${account} in us-west-2; Customs reads the ECR of account 111122223333 in us-west-2 only`,
    referrerArtifactTypes: [],
  };
}

/** kube-system's kube-proxy DaemonSet-like workload: one container of AWS's add-on image. */
function kubeProxy() {
  return {
    ...k8sRunning(3, {
      name: 'kube-proxy',
      image: KUBE_PROXY,
      deployedImages: [otherAccountImage(KUBE_PROXY)],
    }),
    namespace: 'kube-system',
  };
}

describe('trustedImageAccounts: AWS-managed EKS add-on images', () => {
  it('defaults to the EKS add-on registry accounts, and validates what a file sets', () => {
    expect(DEFAULT_CONFIG.trustedImageAccounts).toContain('602401143452');
    expect(DEFAULT_CONFIG.trustedImageAccounts).toContain('013241004608'); // us-gov-west-1
    expect(parseConfig({ trustedImageAccounts: [] }).trustedImageAccounts).toEqual([]);
    expect(() => parseConfig({ trustedImageAccounts: ['60240114345'] }, 'customs.json')).toThrow(
      /customs\.json is invalid: trustedImageAccounts\.0: an AWS account id is 12 digits/,
    );
    expect(() => parseConfig({ trustedImageAccounts: '602401143452' })).toThrow(ConfigError);
  });

  it.each([
    ['scanned', SCANNED],
    ['signed', SIGNED],
    ['fresh', FRESH],
  ])('%s: not applicable, naming the account, when only an add-on image runs', (_name, pair) => {
    // Act
    const outcome = runCheck(pair.k8s, kubeProxy());
    // Assess
    expect(outcome.status).toBe('NOT_APPLICABLE');
    expect(outcome.message).toContain(
      'kube-proxy (602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/kube-proxy:v1.29.0-minimal-eksbuild.1, eks/kube-proxy@sha256:aaaaaaaaaaaa…: AWS-managed add-on image from account 602401143452, trusted (trustedImageAccounts))',
    );
  });

  it('in-ecr: passes an add-on image, naming the account', () => {
    const outcome = runCheck(IN_ECR.k8s, kubeProxy());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message).toBe(
      `Deployment kube-system/nginx-deployment runs images still in ECR: kube-proxy (${KUBE_PROXY}, eks/kube-proxy@sha256:aaaaaaaaaaaa…: AWS-managed add-on image from account 602401143452, trusted (trustedImageAccounts))`,
    );
  });

  it('is ERROR, as an unreadable read is, for an account the configuration does not trust', () => {
    // Prepare
    const other = k8sRunning(2, { image: OTHER, deployedImages: [otherAccountImage(OTHER)] });
    const expected = {
      status: 'ERROR',
      message: `Could not read ${other.name}: deployedImages (nginx: team/app is in the ECR of account 999999999999 in us-west-2; Customs reads the ECR of account 111122223333 in us-west-2 only)`,
    };
    // Act / Assess: every judgement, and the add-on's own account once the list is emptied
    for (const pair of [SCANNED, SIGNED, FRESH, IN_ECR]) {
      expect(runCheck(pair.k8s, other)).toEqual(expected);
      expect(runCheck(pair.k8s, kubeProxy(), { trustedImageAccounts: [] }).status).toBe('ERROR');
    }
  });

  it('trusts only the add-on image: an own image beside it is judged as before', () => {
    // Prepare: a vulnerable app image and the add-on in one pod
    const critical = foundImage({ scan: imageScan({ severityCounts: { CRITICAL: 1 } }) });
    const workload = k8sRunning(
      2,
      { name: 'app', image: K8S_IMAGE, deployedImages: [critical] },
      { name: 'kube-proxy', image: KUBE_PROXY, deployedImages: [otherAccountImage(KUBE_PROXY)] },
    );
    // Act
    const scanned = runCheck(SCANNED.k8s, workload);
    const signed = runCheck(SIGNED.k8s, workload);
    // Assess
    expect(scanned.status).toBe('FAIL');
    expect(scanned.message).toContain('app (');
    expect(scanned.message).not.toContain('kube-proxy');
    expect(signed.status).toBe('PASS');
    expect(signed.message).not.toContain('kube-proxy');
  });

  it('judges an ECS revision the same way: ERROR for an untrusted account, trusted when listed', () => {
    // Prepare
    const revision = ecsRunning({ image: OTHER, deployedImages: [otherAccountImage(OTHER)] });
    // Act
    const untrusted = runCheck(SIGNED.ecs, revision);
    const trusted = runCheck(IN_ECR.ecs, revision, { trustedImageAccounts: ['999999999999'] });
    // Assess
    expect(untrusted).toEqual({
      status: 'ERROR',
      message: `Could not read hello_world:8: deployedImages (c0: ${otherAccountImage(OTHER).reason})`,
    });
    expect(trusted.status).toBe('PASS');
    expect(trusted.message).toContain('image of account 999999999999, trusted (trustedImageAccounts)');
  });
});
