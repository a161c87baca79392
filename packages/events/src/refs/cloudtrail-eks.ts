import type { ResourceRef } from '@customs/core';
import type { CloudTrailDetail } from '../schemas/cloudtrail.js';
import { nameIn, objectField } from './arn.js';

type Ref = Omit<ResourceRef, 'accountId' | 'region'>;
type RefsOf = (detail: CloudTrailDetail) => Ref[];

const REQUEST = 'detail.requestParameters';
const RESPONSE = 'detail.responseElements';

/** The cluster name: request parameters name it `name` or `clusterName` depending on the API. */
function clusterOf(detail: CloudTrailDetail): string | undefined {
  const response = objectField(detail.responseElements, 'cluster');
  return (
    nameIn(detail.requestParameters, REQUEST, 'eks-cluster', 'clusterName', 'name') ??
    nameIn(response, `${RESPONSE}.cluster`, 'eks-cluster', 'name', 'clusterName')
  );
}

const cluster: RefsOf = (detail) => {
  const name = clusterOf(detail);
  return name ? [{ type: 'eks-cluster', name }] : [];
};

/**
 * A cluster deleted: the cluster, and its Kubernetes side (`k8s-cluster` of the same name), so
 * that the re-read finds the cluster gone and its Kubernetes findings (RBAC, namespaces,
 * workloads) resolve with it. No audit log announces a cluster's end: its log group goes silent.
 */
const deletedCluster: RefsOf = (detail) =>
  cluster(detail).flatMap((ref) => [ref, { type: 'k8s-cluster' as const, name: ref.name }]);

/** A nodegroup change re-assesses the nodegroup and its cluster (segregation spans nodegroups). */
const nodegroup: RefsOf = (detail) => {
  const parent = clusterOf(detail);
  const name =
    nameIn(detail.requestParameters, REQUEST, 'eks-nodegroup', 'nodegroupName') ??
    nameIn(
      objectField(detail.responseElements, 'nodegroup'),
      `${RESPONSE}.nodegroup`,
      'eks-nodegroup',
      'nodegroupName',
    );
  if (!parent) return [];
  return name
    ? [
        { type: 'eks-nodegroup', name, parent },
        { type: 'eks-cluster', name: parent },
      ]
    : cluster(detail);
};

const accessEntry: RefsOf = (detail) => {
  const parent = clusterOf(detail);
  const name = nameIn(detail.requestParameters, REQUEST, 'arn', 'principalArn');
  return parent && name ? [{ type: 'eks-access-entry', name, parent }] : [];
};

/** EKS API calls that change what a check reads, and what each re-assesses. */
export const EKS_CALLS: Record<string, RefsOf> = {
  CreateCluster: cluster,
  DeleteCluster: deletedCluster,
  UpdateClusterConfig: cluster,
  UpdateClusterVersion: cluster,
  AssociateEncryptionConfig: cluster,
  CreateFargateProfile: cluster,
  DeleteFargateProfile: cluster,
  CreateNodegroup: nodegroup,
  DeleteNodegroup: nodegroup,
  UpdateNodegroupConfig: nodegroup,
  UpdateNodegroupVersion: nodegroup,
  CreateAccessEntry: accessEntry,
  UpdateAccessEntry: accessEntry,
  DeleteAccessEntry: accessEntry,
  AssociateAccessPolicy: accessEntry,
  DisassociateAccessPolicy: accessEntry,
};
