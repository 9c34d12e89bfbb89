/**
 * Nesting depth of JSON, measured without recursion (so that measuring a hostile 100,000-deep
 * document cannot itself overflow the stack). Used to refuse deep bodies before they are parsed.
 */

/**
 * True when the JSON text nests arrays/objects deeper than `max`. A linear scan of the text that
 * skips string contents (escapes included); it does not validate the JSON, only bounds it.
 */
export function jsonTextTooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

/** True when a parsed value nests arrays/objects deeper than `max` (iterative walk). */
export function valueTooDeep(value: unknown, max: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
