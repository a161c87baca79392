import * as z from 'zod';
import { object } from './common.js';

export const describeLaunchTemplateVersions = object({
  LaunchTemplateVersions: z.array(
    object({
      VersionNumber: z.number().optional(),
      DefaultVersion: z.boolean().optional(),
      LaunchTemplateData: object({
        MetadataOptions: object({
          HttpTokens: z.string().optional(),
          HttpPutResponseHopLimit: z.number().optional(),
          HttpEndpoint: z.string().optional(),
        }).optional(),
      }).optional(),
    }),
  ),
});

export const describeSubnets = object({
  Subnets: z.array(object({ SubnetId: z.string(), MapPublicIpOnLaunch: z.boolean().optional() })),
});

export const describeSecurityGroups = object({
  SecurityGroups: z.array(
    object({
      GroupId: z.string(),
      IpPermissions: z
        .array(
          object({
            IpProtocol: z.string().optional(),
            FromPort: z.number().optional(),
            ToPort: z.number().optional(),
            IpRanges: z.array(object({ CidrIp: z.string().optional() })).optional(),
            Ipv6Ranges: z.array(object({ CidrIpv6: z.string().optional() })).optional(),
          }),
        )
        .optional(),
    }),
  ),
});
