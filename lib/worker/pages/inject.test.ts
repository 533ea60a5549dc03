import { describe, expect, it } from 'vitest';
import { createPageFeaturesHandler } from './inject';
import { featurePageOf, PAGE_FEATURES_FILE } from '../../core/pages/kinds';

describe('page-features bundle injection', () => {
  it('knows the feature pages', () => {
    expect(featurePageOf('https://hh.ru/vacancy/123')).toBe('vacancy');
    expect(featurePageOf('https://spb.hh.ru/applicant/negotiations?filter=all')).toBe('responses');
    expect(featurePageOf('https://hh.kz/applicant/vacancy_response?vacancyId=1')).toBe('questionnaire');
    expect(featurePageOf('https://hh.ru/search/vacancy?text=python')).toBeNull();
    expect(featurePageOf('https://example.com/vacancy/123')).toBeNull();
  });

  const setup = (tabUrl: string | undefined) => {
    const injected: Array<[number, string]> = [];
    const handler = createPageFeaturesHandler({
      tabUrl: async () => tabUrl,
      inject: async (tabId, file) => void injected.push([tabId, file]),
    });
    return { handler, injected };
  };

  it("injects into the sender's tab when the tab shows a feature page (its current URL: hh is an SPA)", async () => {
    const { handler, injected } = setup('https://hh.ru/applicant/negotiations');
    expect(await handler({}, { tabId: 7, url: 'https://hh.ru/search/vacancy?text=x' })).toEqual({ loaded: true });
    expect(injected).toEqual([[7, PAGE_FEATURES_FILE]]);
  });

  it('refuses other pages, and messages without a tab', async () => {
    const { handler, injected } = setup('https://hh.ru/search/vacancy?text=x');
    expect(await handler({}, { tabId: 7, url: 'https://hh.ru/vacancy/1' })).toEqual({ loaded: false });
    expect(await handler({}, {})).toEqual({ loaded: false });
    expect(injected).toEqual([]);
  });
});
