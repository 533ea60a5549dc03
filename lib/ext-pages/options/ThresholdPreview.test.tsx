import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { useDomRoot } from '../../../test/dom-root';
import { profileSchema } from '../../core/match/profile';
import { SAMPLE_VACANCIES } from './samples';
import { optionsTexts } from './texts';
import { ThresholdPreview, type PreviewScorer } from './ThresholdPreview';

let root: HTMLElement;
useDomRoot((r) => (root = r));
const count = (band: string) => root.querySelector(`[data-band="${band}"] .op-preview__n`)?.textContent;

describe('ThresholdPreview', () => {
  it('shows the worker’s verdicts (asked with the profile being edited and the sliders’ cut-offs)', async () => {
    const asked: [number, number][] = [];
    const score: PreviewScorer = async (_p, hide, dim, vs) => {
      asked.push([hide, dim]);
      return vs.map((_, i) => ({
        score: i === 0 ? 0.05 : 0.9,
        verdict: i === 0 ? 'hide' : 'show',
        reasons: i === 0 ? ['-needs licence C'] : [],
      }));
    };
    const profile = { ...profileSchema.parse({}), desiredTitles: ['Водитель'] };
    render(
      <ThresholdPreview
        profile={profile}
        hide={30}
        dim={55}
        action="hide"
        t={optionsTexts.en}
        lang="en"
        score={score}
      />,
      root,
    );
    await vi.waitFor(() => expect(count('hide')).toBe('1'));
    expect(count('show')).toBe(String(SAMPLE_VACANCIES.length - 1));
    expect(asked).toEqual([[0.3, 0.55]]);
    expect(root.querySelector('[data-band="hide"] .op-preview__why')!.textContent).toBe('needs licence C');
  });

  it('when the worker does not answer, scores on the page (without the role model) rather than showing nothing', async () => {
    const profile = { ...profileSchema.parse({}), desiredTitles: ['Повар'] };
    render(
      <ThresholdPreview
        profile={profile}
        hide={30}
        dim={55}
        action="hide"
        t={optionsTexts.ru}
        lang="ru"
        score={() => Promise.reject(new Error('no worker'))}
      />,
      root,
    );
    await vi.waitFor(() =>
      expect(root.querySelector('[data-band="show"] .op-preview__title')?.textContent).toMatch(/Повар/),
    );
  });
});
