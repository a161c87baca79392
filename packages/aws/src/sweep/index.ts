export {
  type CallCounts,
  type EcsSize,
  ecrCalls,
  ecsCalls,
  type IamSize,
  iamCalls,
  type KubernetesListSizes,
  kubernetesCalls,
  type RegionSize,
  regionCalls,
  repositoryCalls,
} from './estimate.js';
export {
  LAMBDA_BUDGET,
  planSweep,
  repositoriesPerUnit,
  type SweepBudget,
  type SweepPlan,
  type SweepRates,
  type SweepUnit,
  serviceMs,
} from './plan.js';
