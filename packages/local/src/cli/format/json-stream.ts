import { type Finding, summarize, withGuidance } from '@customs/core';
import { toSafeJson } from './safe-json.js';

/** Text chunks are gathered up to about this many characters before they are handed on. */
const CHUNK_CHARS = 1 << 20;

/** `text` with every line but the first indented by `indent` (JSON has no raw newline inside a string). */
function indented(text: string, indent: string): string {
  return text.split('\n').join(`\n${indent}`);
}

/**
 * `{"findings": [...], "summary": {...}}` as `toSafeJson` would give it with an indent of 2 (the
 * same bytes), in chunks of about 1 MiB: a finding at a time, so that 500,000 findings with their
 * guidance never make one string (V8 caps a string at about 512 MiB) nor sit whole in memory.
 * @example for (const chunk of findingsJson(findings)) await write(chunk);
 */
export function* findingsJson(findings: readonly Finding[]): Generator<string> {
  if (findings.length === 0) {
    yield `${toSafeJson({ findings: [], summary: summarize([...findings]) })}\n`;
    return;
  }
  let buffer = '{\n  "findings": [\n';
  for (let index = 0; index < findings.length; index++) {
    const finding = findings[index] as Finding;
    buffer += `    ${indented(toSafeJson(withGuidance(finding)), '    ')}${index < findings.length - 1 ? ',' : ''}\n`;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}  ],\n  "summary": ${indented(toSafeJson(summarize([...findings])), '  ')}\n}\n`;
}
