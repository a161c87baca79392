import { CATALOG } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { OCSF_VERSION, type OcsfComplianceFinding, ocsfFinding, PRODUCT_VERSION } from '../src/index.js';
import { openFinding, resolvedFinding } from './helpers/exported-findings.js';

const options = { productVersion: PRODUCT_VERSION };

/**
 * The attributes OCSF 1.1.0 requires of a Compliance Finding (class 2003): the base event's
 * (metadata, severity_id, time, category/class/type uids, activity_id), the Findings category's
 * (finding_info with uid and title) and the class's own (compliance); the cloud profile's `cloud`
 * with its provider.
 */
function missingRequired(event: OcsfComplianceFinding): string[] {
  const required: [string, unknown][] = [
    ['activity_id', event.activity_id],
    ['category_uid', event.category_uid],
    ['class_uid', event.class_uid],
    ['type_uid', event.type_uid],
    ['time', event.time],
    ['severity_id', event.severity_id],
    ['metadata.version', event.metadata?.version],
    ['metadata.product.name', event.metadata?.product?.name],
    ['finding_info.uid', event.finding_info?.uid],
    ['finding_info.title', event.finding_info?.title],
    ['compliance', event.compliance],
    ['compliance.standards', event.compliance?.standards?.[0]],
    ['cloud.provider', event.cloud?.provider],
  ];
  return required
    .filter(([, value]) => value === undefined || value === '' || value === 0)
    .map(([name]) => name);
}

describe('ocsfFinding', () => {
  it('writes a Compliance Finding with every required attribute for a finding of every check', () => {
    for (const check of CATALOG.all()) {
      // Act
      const event = ocsfFinding(openFinding(check.id), options);
      // Assess
      expect(missingRequired(event), check.id).toEqual([]);
      expect(event).toMatchObject({ category_uid: 2, class_uid: 2003, activity_id: 1, type_uid: 200301 });
      expect(event.metadata.version).toBe(OCSF_VERSION);
      expect(event.compliance).toMatchObject({ control: check.id, status_id: 3, status: 'Fail' });
      expect(event.status_id).toBe(1);
      expect(event.severity_id).toBe(
        { informational: 1, low: 2, medium: 3, high: 4, critical: 5 }[check.severity],
      );
      expect(event.remediation?.references.length).toBeGreaterThan(0);
    }
  });

  it('closes the same finding on resolution: the uid and first-seen time stay, the type follows the activity', () => {
    // Prepare
    const opened = openFinding('eks-cluster-audit-logging');
    // Act
    const [created, closed] = [ocsfFinding(opened, options), ocsfFinding(resolvedFinding(opened), options)];
    // Assess
    expect(closed.finding_info.uid).toBe(created.finding_info.uid);
    expect(closed.finding_info.first_seen_time).toBe(Date.parse('2026-11-30T09:15:00.000Z'));
    expect(closed.finding_info.first_seen_time).toBe(created.finding_info.first_seen_time);
    expect(closed).toMatchObject({ activity_id: 3, activity_name: 'Close', type_uid: 200303, status_id: 4 });
    expect(closed.compliance).toMatchObject({ status_id: 1, status: 'Pass' });
    expect(closed.metadata.uid).not.toBe(created.metadata.uid);
  });

  it('updates a finding changed after its first version, and marks a gone resource archived', () => {
    // Prepare
    const opened = openFinding('ecr-repository-tag-immutability');
    const reworded = { ...opened, version: 3, message: 'still mutable' };
    const gone = { ...resolvedFinding(opened), resolvedReason: 'resource deleted' };
    // Act
    const [update, archived] = [ocsfFinding(reworded, options), ocsfFinding(gone, options)];
    // Assess
    expect(update).toMatchObject({ activity_id: 2, type_uid: 200302, message: 'still mutable' });
    expect(archived.unmapped).toEqual({
      state: 'RESOLVED',
      resolved_reason: 'resource deleted',
      archived: true,
    });
  });
});
