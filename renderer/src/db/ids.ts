/**
 * Client-made identifiers (ULID, Crockford base32, 26 characters): time-ordered, never
 * auto-increment, never reused (docs/CONTRACTS.md). Monotonic within one millisecond.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type IdMaker = () => string;

function encodeTime(ms: number): string {
  let out = '';
  let t = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32]! + out;
    t = Math.floor(t / 32);
  }
  return out;
}

/** A ULID maker; `now` and `random` are injectable for tests. */
export function createUlidMaker(
  now: () => number = () => Date.now(),
  random: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => crypto.getRandomValues(b),
): IdMaker {
  let lastTime = -1;
  let lastRandom: number[] = [];
  return () => {
    const t = now();
    if (t === lastTime) {
      // Increment the 80-bit random part (16 base32 digits) so ids stay ordered.
      let i = lastRandom.length - 1;
      while (i >= 0 && lastRandom[i] === 31) {
        lastRandom[i] = 0;
        i--;
      }
      if (i >= 0) lastRandom[i]! += 1;
    } else {
      const bytes = new Uint8Array(16);
      random(bytes);
      lastRandom = Array.from(bytes, (b) => b % 32);
      lastTime = t;
    }
    return encodeTime(t) + lastRandom.map((d) => ALPHABET[d]).join('');
  };
}

export const newId: IdMaker = createUlidMaker();
