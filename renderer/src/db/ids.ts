/**
 * Client-made identifiers (ULID, Crockford base32, 26 characters): time-ordered, never
 * auto-increment, never reused (docs/CONTRACTS.md). Monotonic within one millisecond, and also
 * when the clock steps back (the `ulid` package then keeps the last time and increments).
 */
import { monotonicFactory } from 'ulid';

export type IdMaker = () => string;

/** Random characters in one ULID; each comes from one random byte (mod 32, uniform as 256 = 8 × 32). */
const RANDOM_CHARS = 16;

/**
 * A ULID maker; `now` and `random` are injectable for tests. `random` fills a buffer with random
 * bytes (like crypto.getRandomValues); the i-th byte of each fill becomes the i-th random
 * character, as ids have always been made here, so a seeded maker gives the same ids as before.
 */
export function createUlidMaker(
  now: () => number = () => Date.now(),
  random: (bytes: Uint8Array<ArrayBuffer>) => void = (b) => crypto.getRandomValues(b),
): IdMaker {
  // The ulid package asks its PRNG for one fraction per character and writes them right to left.
  let pending: number[] = [];
  const prng = () => {
    if (pending.length === 0) {
      const bytes = new Uint8Array(RANDOM_CHARS);
      random(bytes);
      pending = Array.from(bytes, (b) => (b % 32) / 32);
    }
    return pending.pop()!;
  };
  const make = monotonicFactory(prng);
  return () => make(now());
}

export const newId: IdMaker = createUlidMaker();
