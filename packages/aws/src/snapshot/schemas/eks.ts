import * as z from 'zod';
import { object } from './common.js';

const names = z.array(z.string());

export const listClusters = object({ clusters: names });

export const describeCluster = object({
  cluster: object({
    name: z.string(),
    arn: z.string().optional(),
    version: z.string().optional(),
    status: z.string().optional(),
    resourcesVpcConfig: object({
      endpointPublicAccess: z.boolean().optional(),
      endpointPrivateAccess: z.boolean().optional(),
      publicAccessCidrs: names.optional(),
      clusterSecurityGroupId: z.string().optional(),
    }).optional(),
    encryptionConfig: z.array(object({ resources: names.optional() })).optional(),
    logging: object({
      clusterLogging: z
        .array(object({ types: names.optional(), enabled: z.boolean().optional() }))
        .optional(),
    }).optional(),
    deletionProtection: z.boolean().optional(),
    accessConfig: object({
      authenticationMode: z.string().optional(),
      bootstrapClusterCreatorAdminPermissions: z.boolean().optional(),
    }).optional(),
  }),
});

export const listNodegroups = object({ nodegroups: names });

export const describeNodegroup = object({
  nodegroup: object({
    nodegroupName: z.string(),
    clusterName: z.string(),
    nodegroupArn: z.string().optional(),
    amiType: z.string().optional(),
    labels: z.record(z.string(), z.string()).optional(),
    taints: z
      .array(
        object({ key: z.string().optional(), value: z.string().optional(), effect: z.string().optional() }),
      )
      .optional(),
    remoteAccess: object({
      ec2SshKey: z.string().optional(),
      sourceSecurityGroups: names.optional(),
    }).optional(),
    subnets: names.optional(),
    launchTemplate: object({
      id: z.string().optional(),
      name: z.string().optional(),
      version: z.string().optional(),
    }).optional(),
  }),
});

export const listFargateProfiles = object({ fargateProfileNames: names });

export const describeFargateProfile = object({
  fargateProfile: object({
    fargateProfileName: z.string(),
    selectors: z.array(object({ namespace: z.string().optional() })).optional(),
  }),
});

export const listAccessEntries = object({ accessEntries: names });

export const describeAccessEntry = object({
  accessEntry: object({
    accessEntryArn: z.string().optional(),
    principalArn: z.string().optional(),
    type: z.string().optional(),
    kubernetesGroups: names.optional(),
    username: z.string().optional(),
  }),
});

export const listAssociatedAccessPolicies = object({
  associatedAccessPolicies: z.array(
    object({
      policyArn: z.string().optional(),
      accessScope: object({ type: z.string().optional(), namespaces: names.optional() }).optional(),
    }),
  ),
});
