import * as z from 'zod';
import { object } from './common.js';

/**
 * The bodies of the Kubernetes API reads, as `kubectl get … -o json` prints them (a `List`) or
 * the API server answers a list (`DeploymentList`…): validated loosely — the body is an object
 * whose `items` are objects; each item's fields are read defensively by the normalisers
 * (normalise/k8s-fields.ts), so one malformed object makes that object's properties unreadable
 * or skips it with a warning, never the whole cluster's file. Unknown fields are allowed.
 * The wire types are kubernetes-types' (the Kubernetes OpenAPI).
 */

export const list = object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: object({ resourceVersion: z.string().optional() }).optional(),
  items: z.array(object({}), { error: 'expected items: an array of Kubernetes objects' }),
});

/** `GET /version` (`kubectl version -o json`'s `serverVersion`). */
export const version = object({
  major: z.string().optional(),
  minor: z.string().optional(),
  gitVersion: z.string().optional(),
  platform: z.string().optional(),
});

/** A version body as read. */
export type KubernetesVersionBody = z.infer<typeof version>;
