import { ALL_READERS, type CollectorReaders } from '../read/service-readers.js';
import { LiveCollector, type LiveCollectorOptions, openCollector } from './live-collector.js';

/** How an {@link AwsCollector} reads: a {@link LiveCollector}'s options, every reader by default. */
export type AwsCollectorOptions = Omit<LiveCollectorOptions, 'readers'> & { readers?: CollectorReaders };

/**
 * The {@link LiveCollector} with every service's reader (`ALL_READERS`): the CLI's, the sweep's.
 * It adds to the shared collector only how to open one: clients, limiters, the account.
 * @example
 * const collector = await AwsCollector.open({ region: 'eu-west-1', profile: 'audit' });
 * const { resources, warnings } = await collector.collectAll();
 */
export class AwsCollector extends LiveCollector {
  /**
   * Makes the clients, resolves the region and the account (ECR DescribeRegistry `registryId`,
   * which needs `ecr:DescribeRegistry`, unless `accountId` is given).
   * @example const collector = await AwsCollector.open({ region: 'us-east-2', iam: false });
   */
  static override async open(options: AwsCollectorOptions = {}): Promise<AwsCollector> {
    return openCollector(
      { ...options, readers: options.readers ?? ALL_READERS },
      (...args) => new AwsCollector(...args),
    );
  }
}
