/**
 * SHA-256 and HMAC-SHA-256 (shared/util/sha256.ts, over @noble/hashes) against the published
 * vectors: NIST FIPS 180-4 examples (CSRC "SHA256.pdf" and the long-message vector) and
 * RFC 4231 §4 test cases 1–4, 6 and 7, plus a cross-check with Node's OpenSSL on random input.
 */
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, hmacSha256Hex, sha256, sha256Hex, toHex, utf8Encode } from '../../shared/util/sha256';

const bytes = (length: number, value: number) => new Uint8Array(length).fill(value);

describe('SHA-256 (NIST vectors)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('hashes %j', (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
    expect(toHex(sha256(utf8Encode(text)))).toBe(digest);
  });

  it('hashes one million "a"', () => {
    expect(sha256Hex(bytes(1_000_000, 0x61))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with OpenSSL on arbitrary bytes and text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 80 }), (data, text) => {
        expect(sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('HMAC-SHA-256 (RFC 4231 vectors)', () => {
  it.each([
    ['case 1', bytes(20, 0x0b), utf8Encode('Hi There'), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
    ['case 2', utf8Encode('Jefe'), utf8Encode('what do ya want for nothing?'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
    ['case 3', bytes(20, 0xaa), bytes(50, 0xdd), '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'],
    ['case 4', fromHex('0102030405060708090a0b0c0d0e0f10111213141516171819'), bytes(50, 0xcd), '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b'],
    ['case 6', bytes(131, 0xaa), utf8Encode('Test Using Larger Than Block-Size Key - Hash Key First'), '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'],
    [
      'case 7',
      bytes(131, 0xaa),
      utf8Encode('This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.'),
      '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
    ],
  ])('%s', (_name, key, data, mac) => {
    expect(hmacSha256Hex(key, data)).toBe(mac);
  });

  it('case 5 (truncated to 128 bits)', () => {
    expect(hmacSha256Hex(bytes(20, 0x0c), 'Test With Truncation').slice(0, 32)).toBe('a3b6167473100ee06e0c796c2955552b');
  });

  it('agrees with OpenSSL on arbitrary keys and messages', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.string({ maxLength: 100 }), (key, text) => {
        expect(hmacSha256Hex(key, text)).toBe(createHmac('sha256', key).update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 200 },
    );
  });
});
