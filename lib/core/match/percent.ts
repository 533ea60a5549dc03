/**
 * A score as the 0–100 the user sees: rounded down, so a vacancy under a cut never shows the cut's own number (a card
 * hidden below 25 read "25" when 0.2496 was rounded). The epsilon absorbs float error (0.29 · 100 = 28.999…).
 */
export function scorePercent(score: number): number {
  return Math.floor(score * 100 + 1e-9);
}

/**
 * A score as it is sent and stored (thousandths), rounded down for the same reason: 0.2496 rounded to 0.25 would
 * show "25" again once it reaches scorePercent.
 */
export function storedScore(score: number): number {
  return Math.floor(score * 1000 + 1e-6) / 1000;
}
