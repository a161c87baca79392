/** Where a private ECR registry host points: its account and region. */
export interface EcrRegistryHost {
  accountId: string;
  region: string;
}

const ECR_SUFFIXES = ['.amazonaws.com', '.amazonaws.com.cn'] as const;
const ECR_SERVICES = ['dkr.ecr', 'dkr.ecr-fips'] as const;

/**
 * The account and region of a private ECR registry host
 * (`<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]`), or undefined for any other registry
 * (`public.ecr.aws` is ECR Public, not an account's registry).
 * @example ecrRegistryHost('123456789012.dkr.ecr.eu-west-1.amazonaws.com') // { accountId: '123456789012', region: 'eu-west-1' }
 */
export function ecrRegistryHost(registry: string): EcrRegistryHost | undefined {
  const host = registry.toLowerCase();
  const suffix = ECR_SUFFIXES.find((end) => host.endsWith(end));
  if (!suffix) return undefined;
  const parts = host.slice(0, -suffix.length).split('.');
  // [account, 'dkr', 'ecr' | 'ecr-fips', region]
  if (parts.length !== 4) return undefined;
  const [accountId, dkr, ecr, region] = parts as [string, string, string, string];
  if (!ECR_SERVICES.includes(`${dkr}.${ecr}` as (typeof ECR_SERVICES)[number])) return undefined;
  if (accountId.length !== 12 || ![...accountId].every((c) => c >= '0' && c <= '9')) return undefined;
  if (
    region.length === 0 ||
    ![...region].every((c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '-')
  ) {
    return undefined;
  }
  return { accountId, region };
}
