import type * as inspector2 from '@aws-sdk/client-inspector2';
import type { Wire } from '../normalise/wire.js';
import * as schemas from '../snapshot/schemas/index.js';
import { call, PAGE } from './call-info.js';

/** The calls of Amazon Inspector, by operation (see CALLS). */
export const INSPECTOR2_CALLS = {
  /**
   * The coverage of one repository's images (filtered by `resourceType` AWS_ECR_CONTAINER_IMAGE
   * and `ecrRepositoryName`), made only when the registry's scan type is ENHANCED. A snapshot of
   * an ENHANCED registry without the file does not know what Inspector says (`not-recorded`).
   */
  ListCoverage: call<Wire<inspector2.ListCoverageResponse>>()({
    keys: ['repo'],
    schema: schemas.inspector2.listCoverage,
    missing: 'not-recorded',
    per: 'ecr-repository',
    pages: { of: 'ecr-image', size: PAGE.inspectorCoverage },
  }),
} as const;
