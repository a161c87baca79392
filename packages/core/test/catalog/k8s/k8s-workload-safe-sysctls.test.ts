import { describe, expect, it } from 'vitest';
import {
  k8sWorkloadSafeSysctls as check,
  SAFE_SYSCTLS,
} from '../../../src/catalog/k8s/k8s-workload-safe-sysctls.js';
import { sampleWorkload } from '../../helpers/k8s.js';
import { itIsNotApplicableWhenExemptOrEmpty, withTemplate } from '../../helpers/k8s-pss.js';
import { runCheck } from '../../helpers/run-check.js';

const setting = (...names: string[]) =>
  withTemplate({ securityContext: { sysctls: names.map((name) => ({ name, value: '1' })) } });

describe('k8s-workload-safe-sysctls', () => {
  it('passes the documentation Deployment, which sets no sysctls', () => {
    expect(runCheck(check, sampleWorkload())).toEqual({
      status: 'PASS',
      message: 'Deployment default/nginx-deployment sets no sysctls',
    });
  });

  it('passes every sysctl of the safe set, the newer PSA ones included, naming them', () => {
    // Prepare
    const workload = setting(
      'net.ipv4.ip_local_port_range',
      'net.ipv4.tcp_keepalive_time',
      'net.ipv4.tcp_rmem',
      'net.ipv4.tcp_slow_start_after_idle',
    );
    // Act
    const outcome = runCheck(check, workload);
    // Assess
    expect(outcome).toEqual({
      status: 'PASS',
      message:
        'Deployment default/nginx-deployment sets only safe sysctls: net.ipv4.ip_local_port_range, net.ipv4.tcp_keepalive_time, net.ipv4.tcp_rmem, net.ipv4.tcp_slow_start_after_idle',
    });
    expect(runCheck(check, setting(...SAFE_SYSCTLS)).status).toBe('PASS');
    expect(SAFE_SYSCTLS.size).toBe(13);
  });

  it('fails unsafe sysctls, naming each once', () => {
    const workload = setting('kernel.msgmax', 'net.ipv4.tcp_syncookies', 'vm.swappiness', 'kernel.msgmax');
    expect(runCheck(check, workload)).toEqual({
      status: 'FAIL',
      message:
        'Deployment default/nginx-deployment sets sysctls outside the safe set: kernel.msgmax, vm.swappiness',
    });
  });

  it('reads the slash form as the kubelet does, and compares names exactly otherwise', () => {
    expect(runCheck(check, setting('net/ipv4/tcp_syncookies')).status).toBe('PASS');
    expect(runCheck(check, setting('net/ipv4/conf/eth0.100/rp_filter')).status).toBe('FAIL');
    expect(runCheck(check, setting('NET.IPV4.TCP_SYNCOOKIES')).status).toBe('FAIL');
    expect(runCheck(check, setting('')).message).toBe(
      'Deployment default/nginx-deployment sets sysctls outside the safe set: ""',
    );
  });

  itIsNotApplicableWhenExemptOrEmpty(check, setting('kernel.sem'));
});
