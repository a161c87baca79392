import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { isApprovedImage } from '../../image/approved-registry.js';
import { containerImages } from './image-support.js';

/**
 * Every container's image comes from an approved registry: this account's private ECR in the task
 * definition's region (whatever the repository path: pull-through cache repositories live there
 * too, and which upstreams they may cache is judged on the registry by
 * ecr-registry-pull-through-allowlist), or an `approvedRegistries` entry: a whole host
 * (`ghcr.io`) or a host with a prefix of whole path segments (`docker.io/library` approves
 * `docker.io/library/nginx`, not `docker.io/library-x/y`). Docker Hub shorthand is docker.io
 * (`nginx` is `docker.io/library/nginx`). A container without an image, or with one that does not
 * parse, fails closed (its registry is unknown).
 */
export const ecsTaskDefinitionApprovedRegistry = defineCheck({
  id: 'ecs-task-definition-approved-registry',
  title: 'ECS task definitions run images only from approved registries',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-3',
  severity: 'high',
  rationale:
    "An image pulled from an arbitrary public registry has not passed the account's scanning, signing or provenance controls: a typo-squatted or hijacked image runs with the task's role and network.",
  remediation: {
    text: "Copy the image into this account's ECR (or pull it through an approved pull-through cache rule), register a new task definition revision that references it, and deploy that revision; add vetted registries to approvedRegistries.",
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition-with-ecr-images.json',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "app" {\n  container_definitions = jsonencode([{\n    name  = "app"\n    image = format("%s@%s", aws_ecr_repository.app.repository_url, var.image_digest)\n  }])\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache.html',
  },
  mappings: {},
  reads: ['containers'],
  evaluate(definition, { config }) {
    if (definition.containers.length === 0) {
      return notApplicable(`Task definition ${definition.name} has no container definitions`);
    }
    const { accountId, region } = definition;
    const scope = { accountId, region, approvedRegistries: config.approvedRegistries };
    const offenders: string[] = [];
    for (const image of containerImages(definition)) {
      const name = image.container.name;
      if (image.kind === 'missing') offenders.push(`${name} (no image, registry unknown)`);
      else if (image.kind === 'invalid') offenders.push(`${name} (image unreadable: ${image.error})`);
      else if (!isApprovedImage(image.reference, scope)) {
        offenders.push(`${name} (${image.reference.registry}: ${image.reference.text})`);
      }
    }
    if (offenders.length > 0) {
      return fail(
        `Task definition ${definition.name} runs images from registries that are not approved: ${offenders.join(', ')}`,
      );
    }
    return pass(
      `Task definition ${definition.name}: all ${definition.containers.length} container image(s) come from this account's ECR in ${definition.region} or an approved registry`,
    );
  },
});
