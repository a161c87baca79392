import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

/**
 * ECS Exec on a service is reported: `enableExecuteCommand` true fails; false or absent (the API
 * default) passes. Whether the sessions are logged is the cluster's check
 * (ecs-cluster-exec-logging).
 */
export const ecsServiceExecDisabled = defineCheck({
  id: 'ecs-service-exec-disabled',
  title: 'ECS services do not enable ECS Exec',
  resourceType: 'ecs-service',
  recommendation: 'CSA-4',
  severity: 'medium',
  rationale:
    "ECS Exec gives anyone allowed ecs:ExecuteCommand an interactive shell inside the service's production containers, with the task role's credentials and every secret in the environment: a management path around the deployment pipeline.",
  remediation: {
    text: 'Turn ECS Exec off on the service and redeploy; enable it only for a time-boxed investigation, with ecs:ExecuteCommand scoped to the people on call and sessions logged.',
    cli: 'aws ecs update-service --cluster <cluster> --service <service> --disable-execute-command --force-new-deployment',
    iac: {
      format: 'terraform',
      snippet: 'resource "aws_ecs_service" "this" {\n  enable_execute_command = false\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html',
  },
  mappings: {},
  reads: ['enableExecuteCommand'],
  evaluate(service) {
    return service.enableExecuteCommand === true
      ? fail(
          `Service ${service.name} has ECS Exec enabled (enableExecuteCommand=true): interactive shells into its containers are possible`,
        )
      : pass(
          `Service ${service.name} has ECS Exec disabled (enableExecuteCommand=${String(service.enableExecuteCommand ?? false)})`,
        );
  },
});
