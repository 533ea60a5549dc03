/**
 * The score shown to the user is calibrated: a monotone map from the scorer's raw logistic output onto the share of
 * relevant vacancies at that raw score in the labelled dev set (isotonic regression, fitted by
 * scripts/build-calibration.ts into ./calibration.json). A 0.8 then means about 8 in 10 such vacancies were
 * relevant. The map is strictly increasing, so it never reorders vacancies (AUC unchanged) and the raw hide / dim
 * cuts map onto the default thresholds exactly (they are knots of the map).
 */
import data from './calibration.json';

export interface CalibrationData {
  version: 1;
  /** [raw, calibrated] knots, both strictly increasing, from raw 0 to raw 1; linear in between */
  knots: Array<[number, number]>;
  /** the raw cuts the default thresholds are images of */
  rawThresholds: { hide: number; dim: number };
  /** how it was fitted (printed by the build script) */
  measured?: Record<string, number | string>;
}

export class Calibration {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  constructor(readonly data: CalibrationData) {
    this.xs = Float64Array.from(data.knots, (k) => k[0]);
    this.ys = Float64Array.from(data.knots, (k) => k[1]);
  }

  /** Raw score → calibrated score (piecewise linear between the knots; clamped to the ends). */
  map(raw: number): number {
    const { xs, ys } = this;
    const n = xs.length;
    if (n === 0) return raw;
    if (raw <= (xs[0] ?? 0)) return ys[0] ?? raw;
    if (raw >= (xs[n - 1] ?? 1)) return ys[n - 1] ?? raw;
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((xs[mid] ?? 0) <= raw) lo = mid;
      else hi = mid;
    }
    const x0 = xs[lo] ?? 0;
    const x1 = xs[hi] ?? 1;
    const y0 = ys[lo] ?? 0;
    const y1 = ys[hi] ?? 1;
    return y0 + ((raw - x0) / (x1 - x0)) * (y1 - y0);
  }
}

export const builtinCalibration = new Calibration(data as unknown as CalibrationData);
