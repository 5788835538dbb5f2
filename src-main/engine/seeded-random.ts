import type { RandomSource } from './retry-policy.ts';

/**
 * mulberry32: a tiny, fast PRNG. Not for secrets; it makes jitter and scripted failure rates
 * reproducible when a test (or a user) gives a seed.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
