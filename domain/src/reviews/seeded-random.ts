/**
 * The random source of the expert draw. It must give the same sequence for the same seed on every
 * machine and in every future version, because an audited draw is replayed from its recorded seed:
 * never change this algorithm; add a new named one instead.
 */
export const DRAW_RANDOM_ALGORITHM = 'mulberry32-v1';

export interface SeededRandom {
  /** A uniform integer in [0, bound), without modulo bias. */
  nextBelow(bound: number): number;
}

export function isValidDrawSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff;
}

export function createSeededRandom(seed: number): SeededRandom {
  if (!isValidDrawSeed(seed)) throw new RangeError(`draw seed must be an integer in [0, 2^32), got ${seed}`);
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return (value ^ (value >>> 14)) >>> 0;
  };
  return {
    nextBelow(bound: number): number {
      if (!Number.isInteger(bound) || bound < 1 || bound > 0x100000000)
        throw new RangeError(`bad bound ${bound}`);
      // Reject the top sliver so that every result is exactly equally likely.
      const limit = 0x100000000 - (0x100000000 % bound);
      let value = nextUint32();
      while (value >= limit) value = nextUint32();
      return value % bound;
    },
  };
}
