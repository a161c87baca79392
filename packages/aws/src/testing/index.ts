export { generateTestCertificates, type TestCertificates } from './certificates.js';
export {
  type FakeFault,
  type FakeKubernetesApi,
  type FakeKubernetesApiOptions,
  type FakeRequest,
  startFakeKubernetesApi,
} from './fake-kubernetes-api.js';
export type { FakeStore, KubeObject } from './fake-store.js';
export {
  type StaticCredentials,
  TEST_CREDENTIALS,
  type TokenExpectation,
  type TokenVerdict,
  verifyEksToken,
} from './verify-token.js';
