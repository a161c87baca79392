import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

/** `settings[containerInsights]` values that turn Container Insights on (`enhanced` adds task- and container-level metrics). */
const ON = ['enabled', 'enhanced'];

/**
 * The cluster's `containerInsights` setting must be `enabled` or `enhanced` (compared
 * case-insensitively, as Prowler does); `disabled` or absent fails.
 */
export const ecsClusterContainerInsights = defineCheck({
  id: 'ecs-cluster-container-insights',
  title: 'ECS clusters use Container Insights',
  resourceType: 'ecs-cluster',
  recommendation: 'CSA-4',
  severity: 'medium',
  rationale:
    "Without Container Insights the cluster's tasks and services leave no CPU, memory, network or restart metrics: a crypto-miner in a container, a crash loop or a task exhausting its host goes unnoticed.",
  remediation: {
    text: 'Turn Container Insights on for the cluster (enhanced adds task- and container-level observability); set the account default so new clusters have it too.',
    cli: 'aws ecs update-cluster-settings --cluster <cluster> --settings name=containerInsights,value=enhanced',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_cluster" "this" {\n  setting {\n    name  = "containerInsights"\n    value = "enhanced"\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cloudwatch-container-insights.html',
  },
  mappings: {
    securityHub: ['ECS.12'],
    config: ['ecs-container-insights-enabled'],
    prowler: ['ecs_cluster_container_insights_enabled'],
  },
  reads: ['settings'],
  evaluate(cluster) {
    const value = cluster.settings.containerInsights;
    if (value !== undefined && ON.includes(value.toLowerCase())) {
      return pass(`Cluster ${cluster.name} has Container Insights ${value}`);
    }
    return fail(
      `Cluster ${cluster.name} has containerInsights=${value ?? 'unset'} (enabled or enhanced required)`,
    );
  },
});
