import * as z from 'zod';

/** A loose object: the fields read are validated, unknown fields are allowed. */
export const object = z.looseObject;

/** A timestamp as the CLI prints it: epoch seconds or an ISO 8601 string. */
export const timestamp = z.union(
  [
    z.number(),
    z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'expected an ISO 8601 timestamp'),
  ],
  { error: 'expected an ISO 8601 timestamp or epoch seconds' },
);

/** A list, or (as AWS's own examples sometimes print it) a single object. */
export function oneOrList<T extends z.ZodType>(item: T) {
  return z.union([z.array(item), item]);
}

/** `account.json`. */
export const accountFile = object({
  accountId: z
    .string()
    .regex(/^\d{12}$/, 'expected a 12-digit account id')
    .optional(),
  region: z.string().optional(),
  capturedAt: z.iso.datetime({ offset: true, error: 'expected an ISO 8601 timestamp' }).optional(),
});
