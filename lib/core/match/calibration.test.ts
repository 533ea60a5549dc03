import { describe, expect, it } from 'vitest';
import { build, isotonic } from '../../../scripts/build-calibration';
import { describeWithShared, hasSharedFile } from '../../../test/shared-fixtures';
import { builtinCalibration, Calibration } from './calibration';
import { compileProfile, DEFAULT_THRESHOLDS } from './index';
import { profileSchema } from './profile';
import { RAW_THRESHOLDS } from './score';
import type { MatchVacancy } from './vacancy';

const vac = (title: string): MatchVacancy => ({
  id: '1',
  title,
  employer: null,
  salary: null,
  experience: null,
  workFormats: [],
});

describe('score calibration', () => {
  it('is strictly increasing from raw 0 to 1, so it never reorders two vacancies', () => {
    const k = builtinCalibration.data.knots;
    expect(k[0]?.[0]).toBe(0);
    expect(k.at(-1)?.[0]).toBe(1);
    for (let i = 1; i < k.length; i++) {
      expect(k[i]![0]).toBeGreaterThan(k[i - 1]![0]);
      expect(k[i]![1]).toBeGreaterThan(k[i - 1]![1]);
    }
    let prev = -1;
    for (let x = 0; x <= 1; x += 0.001) {
      const y = builtinCalibration.map(x);
      expect(y).toBeGreaterThan(prev);
      expect(y).toBeLessThanOrEqual(1);
      prev = y;
    }
  });

  it('maps the raw cuts onto the default thresholds, so no default verdict changes', () => {
    expect(builtinCalibration.map(RAW_THRESHOLDS.hide)).toBe(DEFAULT_THRESHOLDS.hide);
    expect(builtinCalibration.map(RAW_THRESHOLDS.dim)).toBe(DEFAULT_THRESHOLDS.dim);
    // whole percents: the options page shows and stores thresholds as percents
    for (const t of [DEFAULT_THRESHOLDS.hide, DEFAULT_THRESHOLDS.dim])
      expect(Math.round(t * 100)).toBeCloseTo(t * 100, 9);
    const p = profileSchema.parse({
      desiredTitles: ['Python-разработчик', 'Аналитик данных'],
      skills: ['Python', 'SQL'],
      experience: 'between1And3',
    });
    const shown = compileProfile(p);
    const raw = compileProfile(p, { calibration: null });
    for (const t of [
      'Python-разработчик',
      'Senior Python developer',
      'Java developer',
      'Аналитик',
      'Бухгалтер',
      'Стажёр-аналитик',
      'Data Scientist',
    ]) {
      const a = shown.score(vac(t));
      const b = raw.score(vac(t));
      expect(a.verdict).toBe(b.verdict);
      expect(a.score).toBeCloseTo(builtinCalibration.map(b.score), 9);
    }
  });

  it('interpolates between knots and clamps outside them', () => {
    const c = new Calibration({
      version: 1,
      knots: [
        [0, 0.1],
        [0.5, 0.2],
        [1, 0.9],
      ],
      rawThresholds: { hide: 0.3, dim: 0.55 },
    });
    expect(c.map(0.25)).toBeCloseTo(0.15, 9);
    expect(c.map(0.75)).toBeCloseTo(0.55, 9);
    expect(c.map(-1)).toBe(0.1);
    expect(c.map(2)).toBe(0.9);
  });

  it('fits a non-decreasing step function (pool-adjacent-violators)', () => {
    const pts = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6].map((x, i) => ({ x, y: [0, 1, 0, 0, 1, 1][i]!, w: 30 }));
    const steps = isotonic(pts);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.y).toBeGreaterThanOrEqual(steps[i - 1]!.y);
    expect(steps[0]!.y).toBe(0);
    expect(steps.at(-1)!.y).toBe(1);
  });
});

describeWithShared('calibration artefact', () => {
  it('is close to what scripts/build-calibration.ts fits on the dev labels now (rerun it after changing the scorer)', () => {
    if (!hasSharedFile('bench/labels.dev.json')) return;
    const fresh = new Calibration(build());
    for (let x = 0; x <= 1; x += 0.01) expect(Math.abs(fresh.map(x) - builtinCalibration.map(x))).toBeLessThan(0.03);
    expect(fresh.map(RAW_THRESHOLDS.hide)).toBe(DEFAULT_THRESHOLDS.hide);
    expect(fresh.map(RAW_THRESHOLDS.dim)).toBe(DEFAULT_THRESHOLDS.dim);
  }, 300_000);
});
