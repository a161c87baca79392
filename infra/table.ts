import { findingsTableArgs } from './table-args.js';

/**
 * The findings table from the one definition in packages/store; on `prod`, deletion protection and
 * point-in-time recovery.
 * @example const table = createFindingsTable(); table.name;
 */
export function createFindingsTable(): sst.aws.Dynamo {
  const production = $app.stage === 'prod';
  return new sst.aws.Dynamo('Findings', {
    ...findingsTableArgs(production),
    transform: {
      table(args) {
        args.pointInTimeRecovery = { enabled: production };
      },
    },
  });
}
