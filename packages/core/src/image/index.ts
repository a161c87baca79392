export {
  type DeploymentDigest,
  deploymentDigests,
  isDeploymentType,
} from './deployment-digests.js';
export { ecrRegistryHost } from './ecr-registry-host.js';
export { isImageInUse } from './image-in-use.js';
export { parseImageReference } from './parse-image-reference.js';
export { runningDigest } from './running-digest.js';
