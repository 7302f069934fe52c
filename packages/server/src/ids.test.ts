import { describe, expect, it } from 'vitest';
import { newId, randomBase62 } from './ids';

describe('random ids', () => {
  it('makes base62 text of the length asked, never twice the same', () => {
    // 2,000 ids of 24 characters take about 12 draws of the 4 KiB pool: refills included.
    const ids = Array.from({ length: 2_000 }, () => randomBase62(24));
    expect(ids.every((id) => /^[0-9A-Za-z]{24}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(newId('tr')).toMatch(/^tr_[0-9A-Za-z]{24}$/);
  });

  it('uses every character about equally often (no modulo bias)', () => {
    const counts = new Map<string, number>();
    const text = randomBase62(62 * 2_000);
    for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // Each character is expected 2,000 times (standard deviation about 44): a biased alphabet
    // (the first 8 characters drawn 5 times in 4 of 256 bytes more) would show about 2,420.
    for (const count of counts.values()) expect(Math.abs(count - 2_000)).toBeLessThan(250);
  });
});
