import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import { unpinnedReason } from '../../image/image-pinning.js';
import { containerImages } from './image-support.js';

/**
 * Every container's image is pinned: by digest (`@sha256:…`), or by a tag other than `latest` in a
 * repository of this account's ECR whose `imageTagMutability` is `IMMUTABLE` (the tag can never
 * point at another image). `IMMUTABLE_WITH_EXCLUSION` does not pin: tags matching its exclusion
 * filters stay mutable, and the filters are not part of the model. No tag means `latest`. The
 * message names the digests the container runs with (DescribeTasks), the digest to pin to.
 */
export const ecsTaskDefinitionImagesPinned = defineCheck({
  id: 'ecs-task-definition-images-pinned',
  title: 'ECS task definitions pin images by digest or by an immutable ECR tag',
  resourceType: 'ecs-task-definition',
  recommendation: 'CSA-3',
  severity: 'medium',
  rationale:
    'A mutable tag can be moved to another image at any time: each new task may run different, unscanned code than the one approved, and a compromised registry account can swap the image under a running service.',
  remediation: {
    text: 'Reference each image by digest (repository@sha256:…), or by a tag in an ECR repository with IMMUTABLE tags, and register a new task definition revision.',
    cli: 'aws ecr put-image-tag-mutability --repository-name <repository> --image-tag-mutability IMMUTABLE',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_task_definition" "app" {\n  container_definitions = jsonencode([{\n    name  = "app"\n    image = format("%s@sha256:%s", aws_ecr_repository.app.repository_url, var.image_digest)\n  }])\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_image',
  },
  mappings: {},
  reads: ['containers'],
  evaluate(definition) {
    if (definition.containers.length === 0) {
      return notApplicable(`Task definition ${definition.name} has no container definitions`);
    }
    const offenders: string[] = [];
    for (const image of containerImages(definition)) {
      const { container } = image;
      if (image.kind === 'missing') {
        offenders.push(`${container.name} (no image)`);
        continue;
      }
      if (image.kind === 'invalid') {
        offenders.push(`${container.name} (image unreadable: ${image.error})`);
        continue;
      }
      const why = unpinnedReason(
        image.reference,
        definition,
        container.ecrTagMutability,
        container.runningDigests,
      );
      if (why !== undefined) offenders.push(`${container.name} (${why})`);
    }
    if (offenders.length > 0) {
      return fail(`Task definition ${definition.name} has unpinned images: ${offenders.join(', ')}`);
    }
    return pass(
      `Task definition ${definition.name} pins all ${definition.containers.length} container image(s) by digest or immutable ECR tag`,
    );
  },
});
