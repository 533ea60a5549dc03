import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/settings/schema';
import { createTriageScorers } from './score-cards';
import { decodeStateVerdicts } from '../../listing/triage/verdicts';

const item = (id: number, name: string, extra: Record<string, unknown> = {}) => ({
  vacancyId: id,
  name,
  company: { id: 7, name: 'ACME', visibleName: 'ACME' },
  workExperience: 'noExperience',
  workFormats: [{ workFormatsElement: ['REMOTE'] }],
  professionalRoleIds: [{ professionalRoleId: [96] }],
  autoResponse: { acceptAutoResponse: true },
  '@responseLetterRequired': false,
  userTestPresent: false,
  responsesCount: 12,
  ...extra,
});
const URL = 'https://hh.ru/search/vacancy?text=python';
const state = (items: unknown[], search = '?text=python') =>
  JSON.stringify({
    router: { location: { pathname: '/search/vacancy', search } },
    vacancySearchResult: { vacancies: items },
  });

describe('the worker judges a page state (triageState)', () => {
  const settings = defaultSettings();
  settings.profile.desiredTitles = ['Python developer'];
  settings.profile.skills = ['Python'];
  const { scoreState } = createTriageScorers(async () => settings);

  it('every vacancy, by id, with hh’s signals; escaped text too', async () => {
    const text = state([
      item(1, 'Python developer', {
        autoResponse: { acceptAutoResponse: false },
        '@responseLetterRequired': true,
        company: { id: 7, name: 'ACME', employersNegativeAttribute: { hasBreaches: true, pdResale: true } },
      }),
      item(2, 'Truck driver', { userTestPresent: true, responsesCount: 412 }),
    ]).replace(/"/g, '&#34;');
    const a = decodeStateVerdicts(await scoreState(text, URL, ['1'], 'en'));
    expect(a.problem).toBeUndefined();
    expect([...a.byId.keys()]).toEqual(['1', '2']);
    expect(a.byId.get('1')!.verdict).toBe('show');
    expect(a.byId.get('1')!.signals).toEqual({
      noAuto: true,
      letterRequired: true,
      negative: ['employer has violations', 'resells personal data'],
      responses: 12,
    });
    expect(a.byId.get('2')!.verdict).toBe('hide');
    expect(a.byId.get('2')!.signals).toEqual({ testRequired: true, responses: 412 });
  });

  it("the user's filter hides employers hh warns about, with hh's reason; off by default", async () => {
    const text = state([
      item(1, 'Python developer', {
        company: {
          id: 7,
          name: 'ACME',
          employersNegativeAttribute: { employerId: 7, hasBreaches: true, pdResale: false },
        },
      }),
      item(2, 'Python developer', {
        company: { id: 8, name: 'Good', employersNegativeAttribute: { employerId: 8, reduction: true } },
      }),
      item(3, 'Python developer'),
    ]);
    const off = decodeStateVerdicts(await scoreState(text, URL, [], 'en'));
    expect([1, 2, 3].map((i) => off.byId.get(String(i))!.verdict)).toEqual(['show', 'show', 'show']);
    const strict = { ...settings, profile: { ...settings.profile, hideEmployerWarnings: ['hasBreaches' as const] } };
    const on = decodeStateVerdicts(await createTriageScorers(async () => strict).scoreState(text, URL, [], 'en'));
    expect([1, 2, 3].map((i) => on.byId.get(String(i))!.verdict)).toEqual(['hide', 'show', 'show']);
    expect(on.byId.get('1')!.reasons[0]).toEqual({
      text: 'hh.ru warns about the employer: violations of the law found',
      minus: true,
    });
  });

  it('a stale state (another search, or missing a card of the page) judges nothing and says why', async () => {
    const other = decodeStateVerdicts(
      await scoreState(state([item(1, 'Python developer')], '?text=java'), URL, ['1'], 'en'),
    );
    expect(other.byId.size).toBe(0);
    expect(other.problem).toMatch(/^stale-url/);
    const missing = decodeStateVerdicts(await scoreState(state([item(1, 'Python developer')]), URL, ['1', '5'], 'en'));
    expect(missing.problem).toMatch(/^stale-ids/);
  });

  it('Otklik off: mode off, nothing parsed', async () => {
    const off = { ...settings, enabled: false };
    const r = await createTriageScorers(async () => off).scoreState(state([item(1, 'x')]), URL, [], 'en');
    expect(r.mode).toBe('off');
    expect(r.ids).toEqual([]);
  });
});
