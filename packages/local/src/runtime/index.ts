export { ensureFindingsTable } from './ensure-table.js';
export { localLambdaContext } from './lambda-context.js';
export { type LocalPipeline, type LocalPipelineOptions, startLocalPipeline } from './local-pipeline.js';
