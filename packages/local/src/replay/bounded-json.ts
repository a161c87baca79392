/** A value as JSON text, at most so long. */
export interface BoundedJson {
  text: string;
  /** False when the text was cut at the limit (and is then not valid JSON). */
  complete: boolean;
}

type Frame =
  | { kind: 'array'; value: readonly unknown[]; index: number }
  | { kind: 'object'; value: Record<string, unknown>; keys: string[]; index: number; written: number };

/** What JSON writes for a scalar, or undefined for what it leaves out (undefined, functions, symbols). */
function scalarJson(value: unknown, budget: number): { text: string; cut: boolean } | undefined {
  if (typeof value === 'string') {
    if (value.length + 2 <= budget) return { text: JSON.stringify(value), cut: false };
    return { text: JSON.stringify(value.slice(0, Math.max(0, budget))), cut: true };
  }
  if (typeof value === 'number') return { text: Number.isFinite(value) ? String(value) : 'null', cut: false };
  if (typeof value === 'boolean') return { text: String(value), cut: false };
  if (typeof value === 'bigint') return { text: value.toString(), cut: false };
  if (value === null) return { text: 'null', cut: false };
  return undefined;
}

/**
 * Writes any value as JSON text of at most about `maxChars` characters, without recursion (an
 * explicit stack), so a value nested 100,000 deep, huge or cyclic is written, never a stack
 * overflow: where `JSON.stringify` throws `RangeError` past a few thousand levels. A cycle is
 * written as `"[Circular]"`; what JSON leaves out is left out (`null` in arrays).
 * @example boundedJson({ a: [1, 'x'] }, 100) // { text: '{"a":[1,"x"]}', complete: true }
 */
export function boundedJson(value: unknown, maxChars: number): BoundedJson {
  const parts: string[] = [];
  let length = 0;
  const emit = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const stack: Frame[] = [];
  const open = new Set<object>();
  /** Writes a value, or opens a frame for a container; false when the budget ran out. */
  const write = (current: unknown): boolean => {
    if (current !== null && typeof current === 'object') {
      if (open.has(current)) {
        emit('"[Circular]"');
        return true;
      }
      open.add(current);
      if (Array.isArray(current)) {
        emit('[');
        stack.push({ kind: 'array', value: current, index: 0 });
      } else {
        emit('{');
        const record = current as Record<string, unknown>;
        stack.push({ kind: 'object', value: record, keys: Object.keys(record), index: 0, written: 0 });
      }
      return length <= maxChars;
    }
    const scalar = scalarJson(current, maxChars - length);
    emit(scalar?.text ?? 'null');
    return scalar?.cut !== true && length <= maxChars;
  };
  if (!write(value)) return { text: parts.join(''), complete: false };
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.kind === 'array') {
      if (frame.index >= frame.value.length) {
        emit(']');
        open.delete(frame.value);
        stack.pop();
        continue;
      }
      if (frame.index > 0) emit(',');
      const element = frame.value[frame.index++];
      if (!write(element)) return { text: parts.join(''), complete: false };
    } else {
      // skip what JSON leaves out of objects
      while (frame.index < frame.keys.length) {
        const kind = typeof frame.value[frame.keys[frame.index] as string];
        if (kind !== 'undefined' && kind !== 'function' && kind !== 'symbol') break;
        frame.index++;
      }
      if (frame.index >= frame.keys.length) {
        emit('}');
        open.delete(frame.value);
        stack.pop();
        continue;
      }
      const key = frame.keys[frame.index++] as string;
      if (frame.written++ > 0) emit(',');
      const budget = maxChars - length;
      emit(`${JSON.stringify(key.length > budget ? key.slice(0, Math.max(0, budget)) : key)}:`);
      if (key.length > budget || !write(frame.value[key])) return { text: parts.join(''), complete: false };
    }
    if (length > maxChars) return { text: parts.join(''), complete: false };
  }
  return { text: parts.join(''), complete: true };
}
