import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';

const DAY_MS = 86_400_000;

export const ecrImageRecentlyRebuilt = defineCheck({
  id: 'ecr-image-recently-rebuilt',
  title: 'Tagged ECR images were rebuilt within the allowed age',
  resourceType: 'ecr-image',
  recommendation: 'CSA-3',
  severity: 'low',
  rationale:
    'A tagged image that has not been rebuilt for months still carries the base layers and packages of its build day; fixes published since never reach the containers started from it, even when no scanner has flagged them yet.',
  remediation: {
    text: 'Rebuild the image on a current base image on a schedule, push and deploy the new build, then delete the stale image (or let a lifecycle policy expire it).',
    cli: 'aws ecr batch-delete-image --repository-name <repository> --image-ids imageDigest=<digest>',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_scheduler_schedule" "rebuild" {\n  name                = "rebuild-<repository>"\n  schedule_expression = "rate(7 days)"\n  flexible_time_window {\n    mode = "OFF"\n  }\n  target {\n    arn      = "arn:aws:scheduler:::aws-sdk:codebuild:startBuild"\n    role_arn = aws_iam_role.scheduler.arn\n    input    = jsonencode({ ProjectName = aws_codebuild_project.image.name })\n  }\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html',
  },
  mappings: {},
  reads: ['tags', 'pushedAt'],
  evaluate(image, { config, now }) {
    if (image.tags.length === 0) {
      return notApplicable(`Image ${image.name} is untagged; only tagged images are expected to be rebuilt`);
    }
    if (image.pushedAt === undefined) {
      return notApplicable(`Image ${image.name} has no push time to measure its age from`);
    }
    const ageMs = now.getTime() - image.pushedAt.getTime();
    const days = Math.floor(ageMs / DAY_MS);
    const maxDays = config.imageMaxAgeDays;
    if (ageMs > maxDays * DAY_MS) {
      return fail(
        `Image ${image.name} (tags ${image.tags.join(', ')}) was pushed ${days} days ago (${image.pushedAt.toISOString()}), more than imageMaxAgeDays=${maxDays}`,
      );
    }
    return pass(`Image ${image.name} was pushed ${days} day(s) ago (imageMaxAgeDays=${maxDays})`);
  },
});
