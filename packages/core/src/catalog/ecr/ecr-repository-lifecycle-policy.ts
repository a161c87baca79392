import { defineCheck } from '../../check/define-check.js';
import { fail, pass } from '../../check/outcome.js';

/** How many rules a lifecycle policy text has, or undefined when the text is not the documented JSON. */
function ruleCount(policyText: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(policyText);
    const rules = (parsed as { rules?: unknown } | null)?.rules;
    return Array.isArray(rules) ? rules.length : undefined;
  } catch {
    return undefined;
  }
}

export const ecrRepositoryLifecyclePolicy = defineCheck({
  id: 'ecr-repository-lifecycle-policy',
  title: 'ECR repositories have a lifecycle policy',
  resourceType: 'ecr-repository',
  recommendation: 'CSA-3',
  severity: 'low',
  rationale:
    'Without a lifecycle policy old and untagged images accumulate forever: stale, vulnerable images stay available to pull and deploy, and every scan and storage bill includes them.',
  remediation: {
    text: 'Attach a lifecycle policy that expires untagged images and old versions.',
    cli: 'aws ecr put-lifecycle-policy --repository-name <repository> --lifecycle-policy-text \'{"rules":[{"rulePriority":1,"description":"Expire untagged images older than 14 days","selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}\'',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecr_lifecycle_policy" "this" {\n  repository = "<repository>"\n  policy = jsonencode({\n    rules = [{\n      rulePriority = 1\n      description  = "Expire untagged images older than 14 days"\n      selection    = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 14 }\n      action       = { type = "expire" }\n    }]\n  })\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html',
  },
  mappings: { securityHub: ['ECR.3'], config: ['ecr-private-lifecycle-policy-configured'] },
  reads: ['lifecyclePolicy'],
  evaluate(repository) {
    if (repository.lifecyclePolicy === null) {
      return fail(`Repository ${repository.name} has no lifecycle policy`);
    }
    const count = ruleCount(repository.lifecyclePolicy);
    const detail = count === undefined ? '' : ` with ${count} rule(s)`;
    return pass(`Repository ${repository.name} has a lifecycle policy${detail}`);
  },
});
