import { describe, expect, it } from 'vitest';
import {
  CatalogError,
  ConfigError,
  CustomsError,
  DEFAULT_CONFIG,
  kindOf,
  PolicyParseError,
  parseConfigJson,
  parsePolicyDocument,
} from '../src/index.js';

describe('the error hierarchy', () => {
  it('gives each error a kind, a code when asked, and keeps its cause', () => {
    const cause = new SyntaxError('Unexpected end of JSON input');
    const error = new CustomsError('throttled', 'Slack answered 429', { code: 'slack_throttled', cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'CustomsError', kind: 'throttled', code: 'slack_throttled' });
    expect(error.cause).toBe(cause);
    expect(new CustomsError('input', 'x').code).toBeUndefined();
  });

  it('tells the kind of anything thrown: a CustomsError its own, anything else internal', () => {
    expect(kindOf(new ConfigError('CUSTOMS_CONFIG is not valid JSON'))).toBe('input');
    expect(kindOf(new CustomsError('not-found', 'no such finding'))).toBe('not-found');
    expect(kindOf(new TypeError('x is not a function'))).toBe('internal');
    expect(kindOf('a string')).toBe('internal');
    expect(kindOf(undefined)).toBe('internal');
  });

  it("makes core's own errors input errors, each with its name", () => {
    const policy = (() => {
      try {
        parsePolicyDocument('{"Statement": [{"Effect": "Maybe"}]}');
      } catch (error) {
        return error;
      }
    })();
    for (const [error, name] of [
      [new CatalogError('duplicate check id x'), 'CatalogError'],
      [new ConfigError('maxHigh: too small'), 'ConfigError'],
      [policy, 'PolicyParseError'],
    ] as const) {
      expect(error).toBeInstanceOf(CustomsError);
      expect(error).toMatchObject({ name, kind: 'input' });
    }
    expect(policy).toBeInstanceOf(PolicyParseError);
  });
});

describe('a configuration read from JSON text', () => {
  it('names the source and the parser complaint when the text is not JSON', () => {
    expect(() => parseConfigJson('{"maxHigh": 3,', 'customs.json')).toThrow(
      /^customs\.json is not valid JSON: \S/,
    );
    expect(() => parseConfigJson('', 'CUSTOMS_CONFIG')).toThrow(ConfigError);
  });

  it('names the source and every wrong key when the JSON is not a configuration', () => {
    expect(() => parseConfigJson('{"maxHigh": "3"}', 'CUSTOMS_CONFIG')).toThrow(
      /^CUSTOMS_CONFIG is invalid: maxHigh: /,
    );
  });

  it('keeps a hostile parser complaint bounded and escaped', () => {
    // V8 quotes the start of the text it could not parse: here, terminal escapes.
    const text = '\u001b[2J'.repeat(5000);
    const error = (() => {
      try {
        parseConfigJson(text, 'CUSTOMS_CONFIG');
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message).toMatch(/^CUSTOMS_CONFIG is not valid JSON: Unexpected token/);
    expect(error?.message.length).toBeLessThan(300);
    expect(error?.message).not.toContain('\u001b');
  });

  it('fills in the defaults of a valid configuration', () => {
    expect(parseConfigJson('{}', 'customs.json')).toEqual(DEFAULT_CONFIG);
    expect(parseConfigJson('{"maxHigh": 3}', 'customs.json').maxHigh).toBe(3);
  });
});
