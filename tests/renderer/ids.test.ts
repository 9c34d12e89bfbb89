/**
 * The desk's ULIDs (now made by the `ulid` package) and keyed lookup hashes (now over
 * @noble/hashes) give exactly what the hand-written versions gave: the vectors below were produced
 * by the previous implementations with the same injected clock and random bytes.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createUlidMaker } from '../../renderer/src/db/ids';
import { fromHex, hmacSha256Hex } from '../../shared/util/sha256';

function seededBytes() {
  let call = 0;
  return (b: Uint8Array) => {
    for (let i = 0; i < b.length; i++) b[i] = (i * 37 + call * 11 + 5) & 255;
    call++;
  };
}

describe('ULIDs', () => {
  it('keeps the ids of the previous implementation for the same clock and random bytes', () => {
    let t = Date.UTC(2026, 0, 1);
    const make = createUlidMaker(() => t, seededBytes());
    const ids = [make(), make(), make()];
    t += 1;
    ids.push(make());
    t += 86_400_000;
    ids.push(make());
    expect(ids).toEqual(['01KDVDNA005AFMSY38DJQW16BG', '01KDVDNA005AFMSY38DJQW16BH', '01KDVDNA005AFMSY38DJQW16BJ', '01KDVDNA01GNTZ49EKRX27CHPV', '01KDY02101V05AFMSY38DJQW16']);
    const constant = createUlidMaker(() => 1_700_000_000_000, (b) => b.fill(7));
    expect([constant(), constant()]).toEqual(['01HF7YAT007777777777777777', '01HF7YAT007777777777777778']);
  });

  it('stays strictly increasing within one millisecond and when the clock steps back', () => {
    let t = Date.UTC(2026, 5, 1);
    const make = createUlidMaker(() => t, seededBytes());
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(make());
    t -= 5_000; // the officer corrects the system clock
    for (let i = 0; i < 50; i++) ids.push(make());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});

describe('keyed lookup hashes', () => {
  it('keeps the hashes of the previous implementation', () => {
    expect(hmacSha256Hex(fromHex('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'), 'id:110101199003077777')).toBe('da77c47767d28741ea99d41a32e45ad1fc64b5e60ca9998630f8a26596ce1163');
    // A key longer than the 64-byte block is hashed first (RFC 2104).
    expect(hmacSha256Hex(fromHex('ab'.repeat(80)), 'name:示例县某某有限公司')).toBe('85179dd607b956f3079e7d38bce3461a3a6cfdee52731b42569eeb1437eab429');
  });

  it('is HMAC-SHA-256 of the UTF-8 text under the hex key', () => {
    const key = 'c0ffee'.repeat(10) + 'beef';
    expect(hmacSha256Hex(fromHex(key), 'id:示例')).toBe(createHmac('sha256', Buffer.from(key, 'hex')).update('id:示例', 'utf8').digest('hex'));
  });
});
