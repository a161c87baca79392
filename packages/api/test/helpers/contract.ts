import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';

/** An OpenAPI 3.1 document as the API serves it (the parts the contract reads). */
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>;
}

interface ResponseObject {
  content?: Record<string, { schema: Record<string, unknown> }>;
}

/** A response as it came over HTTP. */
export interface HttpAnswer {
  status: number;
  contentType: string;
  body: unknown;
}

/**
 * The API's contract as its served `/openapi.json` states it, checked with standard validators:
 * the document against the OpenAPI 3.1 schema (@seriousme/openapi-schema-validator), each answer's
 * body against its operation's response schema for its status (Ajv, JSON Schema 2020-12, formats).
 * Records which operation answered which status, so a test can assert every one was exercised.
 */
export async function contractOf(document: unknown) {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(document) as Record<string, unknown>);
  expect(result.errors ?? [], 'the document is a valid OpenAPI 3.1 document').toEqual([]);
  expect(result.valid).toBe(true);
  const openapi = document as OpenApiDocument;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  addFormats.default(ajv);
  const compiled = new Map<string, ValidateFunction>();
  const seen = new Set<string>();

  function validatorOf(operation: string, status: number): ValidateFunction {
    const key = `${operation} ${status}`;
    const known = compiled.get(key);
    if (known) return known;
    const [method = '', path = ''] = operation.split(' ');
    const responses = openapi.paths[path]?.[method.toLowerCase()]?.responses;
    expect(responses, `${operation} is in the document`).toBeDefined();
    const response = responses?.[String(status)];
    expect(response, `${operation} documents status ${status}`).toBeDefined();
    const schema = response?.content?.['application/json']?.schema;
    expect(schema, `${operation} ${status} documents a JSON body`).toBeDefined();
    const validate = ajv.compile(schema as Record<string, unknown>);
    compiled.set(key, validate);
    return validate;
  }

  return {
    /** Asserts that `answer` is what the document says `operation` answers with its status. */
    check(operation: string, answer: HttpAnswer): void {
      expect(answer.contentType).toMatch(/^application\/json/);
      const validate = validatorOf(operation, answer.status);
      const valid = validate(answer.body);
      expect(
        validate.errors ?? [],
        `${operation} ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`,
      ).toEqual([]);
      expect(valid).toBe(true);
      seen.add(`${operation} ${answer.status}`);
    },
    /** Every documented `operation status` pair, e.g. `GET /findings 400`. */
    documented(): string[] {
      return Object.entries(openapi.paths).flatMap(([path, operations]) =>
        Object.entries(operations).flatMap(([method, { responses }]) =>
          Object.keys(responses).map((status) => `${method.toUpperCase()} ${path} ${status}`),
        ),
      );
    },
    exercised(): string[] {
      return [...seen];
    },
  };
}
