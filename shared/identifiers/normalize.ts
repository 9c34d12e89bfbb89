import { stripInvisible } from '../util/parse-date';

/**
 * Input normalisation shared by the identifier checks (docs/identifiers.md):
 *  - invisible characters (zero-width, word joiner, BOM, soft hyphen, bidi marks) are removed: they
 *    come with codes pasted from web pages and documents, and a refusal naming them cannot be acted on;
 *  - full-width ASCII (Ａ–Ｚ, ０–９, ｘ … U+FF01–U+FF5E) → half-width; the ideographic space → space;
 *  - all whitespace is removed, inside as well as around (users copy codes grouped "9111 0000 …");
 *  - lower case → upper case (codes are defined in upper case; "x" in an ID is read as "X").
 * Normalisation never changes a code's meaning, so the normalised form is what the store keeps.
 */
export function normalizeIdentifierInput(raw: string): string {
  let out = '';
  for (const ch of stripInvisible(raw)) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCodePoint(cp - 0xfee0);
    else if (cp === 0x3000) out += ' ';
    else out += ch;
  }
  return out.replace(/\s+/g, '').toUpperCase();
}

export type IdentifierCheck = { ok: true; normalized: string } | { ok: false; code: string; reason: string };
