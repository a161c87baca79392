import { collectorHarness } from './k8s-harness.js';
import { benchApi } from './suites/api.js';
import { benchBundles } from './suites/bundles.js';
import { benchEvaluate } from './suites/evaluate.js';
import { benchFanOut } from './suites/fanout.js';
import { benchMemory, MEMORY_CHILDREN } from './suites/memory.js';
import { benchPipeline } from './suites/pipeline.js';
import { benchSweep } from './suites/sweep.js';
import { benchK8sSweep } from './suites/sweep-k8s.js';
import { benchOrganizationSweep } from './suites/sweep-organization.js';

/** `npm run bench`: prints figures with their ratio to a baseline measured in the same run. */
const suites: [string, () => string[] | Promise<string[]>][] = [
  ['evaluate', benchEvaluate],
  ['memory', benchMemory],
  ['pipeline', benchPipeline],
  ['sweep', benchSweep],
  ['sweep-k8s', () => benchK8sSweep(collectorHarness)],
  ['sweep-organization', benchOrganizationSweep],
  ['fanout', benchFanOut],
  ['api', benchApi],
  ['bundles', benchBundles],
];
const only = process.argv.slice(2);
if (only[0] === '--child') {
  // A suite's child process (`memory` measures the peak RSS of one): runs the named work, prints nothing.
  const work = MEMORY_CHILDREN[only[1] ?? ''];
  if (work === undefined) throw new Error(`no bench child ${only[1]}`);
  await work();
} else {
  for (const [name, suite] of suites) {
    if (only.length > 0 && !only.includes(name)) continue;
    for (const line of await suite()) console.log(line);
    console.log('');
  }
}
