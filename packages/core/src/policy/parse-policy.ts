import type { PolicyDocument, PolicyStatement } from '../types/policy.js';

/** A policy that could not be read; the message says what was wrong. */
export class PolicyParseError extends Error {
  override name = 'PolicyParseError';
}

/**
 * Reads a policy document as AWS returns it: a JSON string (repository policies), a
 * URL-encoded JSON string (IAM GetRole, GetPolicyVersion), or an object
 * (GetAccountAuthorizationDetails). A single `Statement` object becomes a list.
 * @example parsePolicyDocument('%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D');
 */
export function parsePolicyDocument(input: unknown): PolicyDocument {
  const raw = typeof input === 'string' ? parseText(input) : input;
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
  const json = trimmed.startsWith('%7B') || trimmed.startsWith('%7b') ? safeDecode(trimmed) : trimmed;
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
