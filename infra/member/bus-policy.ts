/**
 * The central bus's resource policy: `events:PutEvents` on that bus from principals of the
 * organisation only (the member accounts' forwarding roles), `aws:PrincipalOrgID`. `busArn` may be
 * a deploy-time value (`$interpolate`), which `$jsonStringify` resolves.
 * @example $jsonStringify(organizationBusPolicy(busArn, 'o-a1b2c3d4e5'))
 */
export function organizationBusPolicy<Arn>(busArn: Arn, organizationId: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'CustomsOrganizationPutEvents',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'events:PutEvents',
        Resource: busArn,
        Condition: { StringEquals: { 'aws:PrincipalOrgID': organizationId } },
      },
    ],
  };
}
