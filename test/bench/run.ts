import { fakeApiHarness } from './k8s-harness.js';
import { benchApi } from './suites/api.js';
import { benchBundles } from './suites/bundles.js';
import { benchEvaluate } from './suites/evaluate.js';
import { benchFanOut } from './suites/fanout.js';
import { benchPipeline } from './suites/pipeline.js';
import { benchSweep } from './suites/sweep.js';
import { benchK8sSweep } from './suites/sweep-k8s.js';

/** `npm run bench`: prints figures with their ratio to a baseline measured in the same run. */
const suites: [string, () => string[] | Promise<string[]>][] = [
  ['evaluate', benchEvaluate],
  ['pipeline', benchPipeline],
  ['sweep', benchSweep],
  ['sweep-k8s', () => benchK8sSweep(fakeApiHarness)],
  ['fanout', benchFanOut],
  ['api', benchApi],
  ['bundles', benchBundles],
];
const only = process.argv.slice(2);
for (const [name, suite] of suites) {
  if (only.length > 0 && !only.includes(name)) continue;
  for (const line of await suite()) console.log(line);
  console.log('');
}
