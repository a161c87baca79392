import { CustomsError } from '../errors.js';
import type { PolicyDocument, PolicyStatement } from '../types/policy.js';

/**
 * The largest policy document read, in characters of JSON: three times the largest AWS stores for
 * the policies Customs reads (ECR repository and IAM inline policies: 10,240). Every question about
 * a policy is at worst quadratic in its size, so the bound keeps a hostile document cheap.
 */
export const MAX_POLICY_CHARACTERS = 32_768;

/** A policy that could not be read (input: the document came from the account); the message says what was wrong. */
export class PolicyParseError extends CustomsError {
  override name = 'PolicyParseError';

  constructor(message: string) {
    super('input', message);
  }
}

/**
 * Reads a policy document as AWS returns it: a JSON string (repository policies), a
 * URL-encoded JSON string (IAM GetRole, GetPolicyVersion), or an object
 * (GetAccountAuthorizationDetails). A single `Statement` object becomes a list.
 * @example parsePolicyDocument('%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D');
 */
export function parsePolicyDocument(input: unknown): PolicyDocument {
  const raw = typeof input === 'string' ? parseText(input) : input;
  if (typeof input !== 'string') assertSmall(raw);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new PolicyParseError('a policy document must be a JSON object');
  }
  const record = raw as Record<string, unknown>;
  const statement = record.Statement;
  if (statement === undefined) throw new PolicyParseError('the policy has no Statement');
  const statements = Array.isArray(statement) ? statement : [statement];
  statements.forEach(function validateStatement(item, index) {
    if (item === null || typeof item !== 'object') {
      throw new PolicyParseError(`Statement[${index}] is not an object`);
    }
    const effect = (item as Record<string, unknown>).Effect;
    if (effect !== 'Allow' && effect !== 'Deny') {
      throw new PolicyParseError(
        `Statement[${index}].Effect is ${JSON.stringify(effect)}, not Allow or Deny`,
      );
    }
  });
  return {
    ...(typeof record.Version === 'string' ? { Version: record.Version } : {}),
    ...(typeof record.Id === 'string' ? { Id: record.Id } : {}),
    Statement: statements as PolicyStatement[],
  };
}

function parseText(text: string): unknown {
  const trimmed = text.trim();
  const encoded = trimmed.startsWith('%7B') || trimmed.startsWith('%7b');
  if (trimmed.length > MAX_POLICY_CHARACTERS * (encoded ? 3 : 1)) throw tooLarge(`${trimmed.length}`);
  const json = encoded ? safeDecode(trimmed) : trimmed;
  if (json.length > MAX_POLICY_CHARACTERS) throw tooLarge(`${json.length}`);
  try {
    return JSON.parse(json);
  } catch {
    throw new PolicyParseError(`the policy text is not JSON: ${trimmed.slice(0, 40)}`);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new PolicyParseError('the policy text is not valid URL-encoded JSON');
  }
}

function tooLarge(size: string): PolicyParseError {
  return new PolicyParseError(
    `the policy is ${size} characters long; at most ${MAX_POLICY_CHARACTERS} are read`,
  );
}

/**
 * Refuses an already-parsed document larger than MAX_POLICY_CHARACTERS (about as its JSON would
 * be), walking it without recursion and stopping as soon as it is too large, however deep it nests.
 */
function assertSmall(document: unknown): void {
  let size = 0;
  const pending: unknown[] = [document];
  while (pending.length > 0) {
    const value = pending.pop();
    size += typeof value === 'string' ? value.length + 3 : 2;
    if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        size += key.length + 3;
        pending.push(child);
      }
    }
    if (size > MAX_POLICY_CHARACTERS) throw tooLarge(`over ${MAX_POLICY_CHARACTERS}`);
  }
}
