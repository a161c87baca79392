import { type CheckDefinition, defineCheck } from '../../check/define-check.js';
import type { ImageJudge } from '../../image/deployed-images.js';
import { type DeployedWords, deployedOutcome } from './deployed-outcome.js';
import { ecsSubject, k8sSubject } from './deployed-subjects.js';

/** One judgement of what runs (scanned, signed, fresh, in-ecr): the metadata both resource types share. */
export interface DeployedJudgementSpec {
  /** The check ids' last part: `ecs-task-definition-deployed-images-<suffix>`, `k8s-workload-deployed-images-<suffix>`. */
  suffix: 'scanned' | 'signed' | 'fresh' | 'in-ecr';
  /** The title after its subject ("ECS task definitions in use", "Kubernetes workloads"). */
  claim: string;
  severity: 'high' | 'medium';
  rationale: string;
  /** The remediation's text, the same for both types. */
  fix: string;
  /** What the ECS remediation's new revision holds: `the signed image digest`. */
  revisionWith: string;
  url: string;
  judge: ImageJudge;
  words: DeployedWords;
}

/** The ECS remediation's IaC: a task definition pinned to the approved digest. */
const ECS_IAC = {
  format: 'terraform' as const,
  snippet:
    'resource "aws_ecs_task_definition" "app" {\n  container_definitions = jsonencode([{\n    name  = "app"\n    image = format("%s@%s", aws_ecr_repository.app.repository_url, var.approved_digest)\n  }])\n}',
};

/** The Kubernetes remediation: the workload rolled out to the approved digest. */
const K8S_CLI =
  'kubectl set image deployment/<name> -n <namespace> <container>=<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<digest>';
const K8S_IAC = {
  format: 'kubernetes' as const,
  snippet:
    'spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: 111122223333.dkr.ecr.us-west-2.amazonaws.com/app@sha256:<approved digest>',
};

/** The pair of checks one judgement makes: an ECS task definition's and a Kubernetes workload's. */
export interface DeployedCheckPair {
  ecs: CheckDefinition<'ecs-task-definition'>;
  k8s: CheckDefinition<'k8s-workload'>;
}

/**
 * Both resource types' checks of one deployed-image judgement (CSA-3, CHECKS.md "Deployed images"):
 * the same title claim, severity, rationale and messages; each type's own subject, reads and
 * remediation command. Unreadable ECR state of this account is ERROR (the `deployedImages` read).
 * @example const { ecs, k8s } = deployedImageChecks(SIGNED);
 */
export function deployedImageChecks(spec: DeployedJudgementSpec): DeployedCheckPair {
  const shared = {
    recommendation: 'CSA-3' as const,
    severity: spec.severity,
    rationale: spec.rationale,
    mappings: {},
  };
  const ecs = defineCheck({
    ...shared,
    id: `ecs-task-definition-deployed-images-${spec.suffix}`,
    title: `ECS task definitions in use ${spec.claim}`,
    resourceType: 'ecs-task-definition',
    remediation: {
      text: spec.fix,
      cli: `aws ecs update-service --cluster <cluster> --service <service> --task-definition <family>:<revision with ${spec.revisionWith}>`,
      iac: ECS_IAC,
      url: spec.url,
    },
    reads: ['containers', 'use', 'deployedImages'],
    evaluate: (definition, context) =>
      deployedOutcome(ecsSubject(definition), spec.judge, context, spec.words),
  });
  const k8s = defineCheck({
    ...shared,
    id: `k8s-workload-deployed-images-${spec.suffix}`,
    title: `Kubernetes workloads ${spec.claim}`,
    resourceType: 'k8s-workload',
    remediation: { text: spec.fix, cli: K8S_CLI, iac: K8S_IAC, url: spec.url },
    reads: ['template', 'runningPods', 'deployedImages'],
    evaluate: (workload, context) => deployedOutcome(k8sSubject(workload), spec.judge, context, spec.words),
  });
  return { ecs, k8s };
}
