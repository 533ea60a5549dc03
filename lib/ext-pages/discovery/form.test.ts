import { describe, expect, it } from 'vitest';
import { discoverySchema } from '../../core/discovery/settings';
import { formatSearches, fromDiscoveryDraft, parseSearches, toDiscoveryDraft } from './form';
import { discoverySources, savedSearchParams } from '../../worker/discovery/sources';
import { defaultSettings } from '../../core/settings/schema';

describe('discovery options form', () => {
  it('round-trips saved searches, "#" keeps one turned off', () => {
    const list = parseSearches(
      'Remote React | https://hh.ru/search/vacancy?text=react&work_format=REMOTE\n\n# Vue | text=vue\npython',
    );
    expect(list).toEqual([
      { name: 'Remote React', query: 'https://hh.ru/search/vacancy?text=react&work_format=REMOTE', enabled: true },
      { name: 'Vue', query: 'text=vue', enabled: false },
      { name: 'python', query: 'python', enabled: true },
    ]);
    expect(parseSearches(formatSearches(list))).toEqual(list);
  });

  it('a draft becomes the section, or names the bad fields and changes nothing', () => {
    const d = toDiscoveryDraft(discoverySchema.parse({}));
    expect(fromDiscoveryDraft(d)).toEqual({ ok: true, value: discoverySchema.parse({}) });
    const bad = fromDiscoveryDraft({ ...d, interval: '5', pacingMin: '30', pacingMax: '3', threshold: 'abc' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['intervalMinutes', 'pacing.minSeconds', 'threshold']);
  });
});

describe('discovery sources', () => {
  it('similar first, then the profile query with its filters, then enabled saved searches on hh hosts only', () => {
    const s = defaultSettings();
    s.profile.query = 'react developer';
    s.profile.workFormats = ['REMOTE'];
    s.profile.experience = 'between1And3';
    s.profile.minSalary = 200000;
    s.discovery.searches = [
      { name: 'a', query: 'https://spb.hh.ru/search/vacancy?text=vue&page=3&hhtmFrom=x', enabled: true },
      { name: 'evil', query: 'https://example.com/search/vacancy?text=x', enabled: true },
      { name: 'off', query: 'text=z', enabled: false },
    ];
    const src = discoverySources(s, 'a'.repeat(38));
    expect(src.map((x) => x.key)).toEqual(['similar', 'query', 'search:a']);
    expect(src[0]!.url(0)).toBe(
      `https://hh.ru/search/vacancy?resume=${'a'.repeat(38)}&from=resumelist&items_on_page=50`,
    );
    expect(src[1]!.url(2)).toBe(
      'https://hh.ru/search/vacancy?text=react+developer&order_by=publication_time&items_on_page=50&work_format=REMOTE&experience=between1And3&salary=200000&page=2',
    );
    expect(src[2]!.url(0)).toBe('https://hh.ru/search/vacancy?text=vue&order_by=publication_time&items_on_page=50');
    expect(discoverySources(s, null).map((x) => x.key)).toEqual(['query', 'search:a']);
    expect(savedSearchParams('http://[bad')).toBeNull();
    expect(savedSearchParams('frontend')?.get('text')).toBe('frontend');
  });
});
