export { localLambdaContext } from './lambda-context.js';
export { type LocalPipeline, startLocalPipeline } from './local-pipeline.js';
