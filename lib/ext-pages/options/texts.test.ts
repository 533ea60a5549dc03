import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../core/match';
import { optionsTexts } from './texts';

describe('options texts', () => {
  it('name the default thresholds the scorer uses', () => {
    const pct = [DEFAULT_THRESHOLDS.hide, DEFAULT_THRESHOLDS.dim].map((t) => Math.round(t * 100));
    expect(optionsTexts.en.thresholdsHint).toContain(`Defaults ${pct[0]} and ${pct[1]}`);
    expect(optionsTexts.ru.thresholdsHint).toContain(`По умолчанию ${pct[0]} и ${pct[1]}`);
  });
});
