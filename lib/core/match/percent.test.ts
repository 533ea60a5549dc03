import { describe, expect, it } from 'vitest';
import { scorePercent, storedScore } from './percent';

describe('scorePercent', () => {
  it('rounds down, so a score under a cut never shows the cut', () => {
    expect(scorePercent(0.2496)).toBe(24);
    expect(scorePercent(0.25)).toBe(25);
    expect(scorePercent(0.29)).toBe(29);
    expect(scorePercent(0.999)).toBe(99);
    expect(scorePercent(1)).toBe(100);
    expect(scorePercent(0)).toBe(0);
  });

  it('stores thousandths rounded down, so a stored score still shows under the cut it is under', () => {
    expect(storedScore(0.2496)).toBe(0.249);
    expect(scorePercent(storedScore(0.2496))).toBe(24);
    expect(storedScore(0.25)).toBe(0.25);
    expect(storedScore(0.29)).toBe(0.29);
    expect(storedScore(1)).toBe(1);
  });
});
