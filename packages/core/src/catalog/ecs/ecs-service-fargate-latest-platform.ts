import { defineCheck } from '../../check/define-check.js';
import { fail, notApplicable, pass } from '../../check/outcome.js';
import type { EcsDeployment, EcsService } from '../../types/ecs.js';

const FARGATE_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'];
const RUNNING_DEPLOYMENTS = ['PRIMARY', 'ACTIVE'];

function runsOnFargate(service: EcsService, deployments: EcsDeployment[]): boolean {
  return (
    service.launchType === 'FARGATE' ||
    service.capacityProviderStrategy.some((item) => FARGATE_PROVIDERS.includes(item.capacityProvider)) ||
    deployments.some(
      (deployment) =>
        deployment.launchType === 'FARGATE' ||
        deployment.capacityProviders.some((provider) => FARGATE_PROVIDERS.includes(provider)),
    )
  );
}

/** `x.y.z` as numbers, or undefined when it is not three runs of digits. */
function versionNumbers(version: string): number[] | undefined {
  const parts = version.split('.');
  if (parts.length !== 3 || parts.some((part) => part.length === 0 || part.length > 9)) return undefined;
  if (!parts.every((part) => [...part].every((c) => c >= '0' && c <= '9'))) return undefined;
  return parts.map(Number);
}

function atLeast(version: string, latest: string): boolean {
  const have = versionNumbers(version);
  const want = versionNumbers(latest);
  if (!have || !want) return false;
  for (let index = 0; index < 3; index++) {
    const a = have[index] as number;
    const b = want[index] as number;
    if (a !== b) return a > b;
  }
  return true;
}

/**
 * A Fargate service (launch type FARGATE, a FARGATE or FARGATE_SPOT capacity provider, or a
 * PRIMARY/ACTIVE deployment on one) runs on the latest platform version: `LATEST` (also the
 * default when none is given), or a version at least `fargateLatestVersions.linux` [1.4.0], or
 * `.windows` [1.0.0] when `platformFamily` is a Windows family. The service's version and each
 * PRIMARY or ACTIVE deployment's are judged. Other services are NOT_APPLICABLE.
 */
export const ecsServiceFargateLatestPlatform = defineCheck({
  id: 'ecs-service-fargate-latest-platform',
  title: 'ECS Fargate services run on the latest Fargate platform version',
  resourceType: 'ecs-service',
  recommendation: 'CSA-4',
  severity: 'medium',
  rationale:
    'Fargate platform versions carry the kernel, container runtime and agent under each task: an older pinned version misses the security patches and isolation features AWS ships in the newer ones.',
  remediation: {
    text: 'Set the service platform version to LATEST (or the current version) and force a new deployment so running tasks move to it.',
    cli: 'aws ecs update-service --cluster <cluster> --service <service> --platform-version LATEST --force-new-deployment',
    iac: {
      format: 'terraform',
      snippet:
        'resource "aws_ecs_service" "this" {\n  launch_type      = "FARGATE"\n  platform_version = "LATEST"\n}',
    },
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html',
  },
  mappings: {
    securityHub: ['ECS.10'],
    config: ['ecs-fargate-latest-platform-version'],
    prowler: ['ecs_service_fargate_latest_platform_version'],
  },
  reads: ['launchType', 'capacityProviderStrategy', 'platformVersion', 'platformFamily', 'deployments'],
  evaluate(service, { config }) {
    const deployments = service.deployments.filter((deployment) =>
      RUNNING_DEPLOYMENTS.includes(deployment.status ?? ''),
    );
    if (!runsOnFargate(service, deployments)) {
      return notApplicable(
        `Service ${service.name} does not run on Fargate (launch type ${service.launchType ?? 'unset'})`,
      );
    }
    const windows = (service.platformFamily ?? '').toUpperCase().startsWith('WINDOWS');
    const latest = windows ? config.fargateLatestVersions.windows : config.fargateLatestVersions.linux;
    const family = windows ? 'Windows' : 'Linux';
    const judged: { what: string; version: string }[] = [
      { what: 'the service', version: service.platformVersion ?? 'LATEST' },
      ...deployments.flatMap((deployment) =>
        deployment.platformVersion === undefined
          ? []
          : [
              {
                what: `${deployment.status} deployment ${deployment.id ?? '(no id)'}`,
                version: deployment.platformVersion,
              },
            ],
      ),
    ];
    const behind = judged.filter(
      ({ version }) => version.toUpperCase() !== 'LATEST' && !atLeast(version, latest),
    );
    if (behind.length > 0) {
      const found = behind.map(({ what, version }) => `${what} on ${version}`).join(', ');
      return fail(
        `Service ${service.name} (${family}) is behind Fargate platform version ${latest}: ${found}`,
      );
    }
    return pass(
      `Service ${service.name} (${family}) runs on the latest Fargate platform version (${judged.map(({ version }) => version).join(', ')}; latest ${latest})`,
    );
  },
});
