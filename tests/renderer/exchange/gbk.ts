/**
 * A GBK/GB18030 encoder for test fixtures (the platform has only the decoder): the two-byte code
 * space decoded once with TextDecoder('gb18030'), reversed. ASCII passes through.
 */
let table: Map<string, [number, number]> | undefined;

function codeTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = codeTable().get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}
