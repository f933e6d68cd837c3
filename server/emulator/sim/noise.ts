/**
 * Deterministic noise: a hash of (seed, key, integer) to [0, 1), and smooth value noise over time, so any point
 * of a "random walk" is computed in O(1) from its time bucket, without replaying the walk from its start.
 */
import { hash32 } from '../rng.ts';

/** A uniform number in [0, 1) for (seed, key, i). */
export function unit(seed: number, key: string, i = 0): number {
  let h = hash32(`${seed}|${key}|${i}`);
  // final avalanche (murmur3 fmix32) so consecutive i differ in every bit
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** An integer in [min, max] for (seed, key, i). */
export function unitInt(seed: number, key: string, i: number, min: number, max: number): number {
  return min + Math.floor(unit(seed, key, i) * (max - min + 1));
}

const smooth = (t: number) => t * t * (3 - 2 * t);

/**
 * Smooth value noise in [0, 1) at position x (in buckets): interpolates between the values of the integer buckets
 * around x, summed over three octaves. Bounded, continuous, deterministic: a bounded random walk for charts.
 */
export function valueNoise(seed: number, key: string, x: number): number {
  let total = 0;
  let weight = 0;
  for (let o = 0; o < 3; o += 1) {
    const scale = 2 ** o;
    const amp = 1 / scale;
    const p = x * scale;
    const i = Math.floor(p);
    const f = smooth(p - i);
    const a = unit(seed, `${key}#${o}`, i);
    const b = unit(seed, `${key}#${o}`, i + 1);
    total += amp * (a + (b - a) * f);
    weight += amp;
  }
  return Math.min(0.999999, total / weight);
}
