export { type EcrRegistryHost, ecrRegistryHost } from './ecr-registry-host.js';
export {
  type ImageReference,
  type ImageReferenceResult,
  parseImageReference,
} from './parse-image-reference.js';
