import { describe, expect, it, vi } from 'vitest';
import { describeWithShared, parseHtml, readSharedFixture } from '../../../test/shared-fixtures';
import { pythonJuniorSettings } from '../../../test/e2e/profiles';
import { extractCard, findListingCards, parseListingCard, type RawCard } from '../../core/hh/listing';
import { formatReason } from '../../core/match';
import { orderReasons } from '../../core/match/reasons';
import { storedScore } from '../../core/match/percent';
import { builtinRoleModel } from '../../core/match/roles';
import { listingMessages } from '../../core/messaging/listing-protocol';
import { defaultSettings, type Settings } from '../../core/settings/schema';
import { createFeedback } from '../feedback/service';
import { createCardScorer, createTriageScorers } from './score-cards';
import { makeScorer } from '../../core/triage/scorer';
import { decodeVerdicts } from '../../listing/triage/verdicts';

const raw = (id: string, title: string, more: Partial<RawCard> = {}): RawCard => ({ id, title, tags: [], ...more });

describeWithShared('worker scoring of listing cards (real 50-card SERP)', () => {
  it('gives every card the verdict, score and reasons the scorer gives the parsed card', async () => {
    const doc = parseHtml(readSharedFixture('fixtures/hh/serp/hh_serp_loggedin_magritte_2026-04.html'));
    const els = findListingCards(doc);
    const raws = els.map((el) => extractCard(el)).filter((r): r is RawCard => !('reason' in r));
    expect(raws).toHaveLength(50);
    // The raw cards are what the page sends: they pass the worker's request schema.
    expect(listingMessages.triageCards.req.safeParse({ lang: 'ru', cards: raws }).success).toBe(true);

    const settings = pythonJuniorSettings();
    const reply = await createCardScorer(async () => settings)(raws, 'ru');
    expect(listingMessages.triageCards.res.safeParse(reply).success).toBe(true);
    const answer = decodeVerdicts(reply, raws.length);
    const direct = makeScorer(settings, builtinRoleModel())!;
    els.forEach((el, i) => {
      const card = parseListingCard(el);
      if ('reason' in card) throw new Error(card.reason);
      const r = direct(card);
      expect(answer.results[i]).toEqual({
        score: storedScore(r.score),
        verdict: r.verdict,
        reasons: orderReasons(r.reasons, r.verdict).map((x) => ({
          text: formatReason(x, 'ru'),
          minus: x.polarity === 'minus',
        })),
        applied: card.applied,
      });
    });
    expect(new Set(answer.results.map((r) => r.verdict)).size).toBeGreaterThan(1); // not one verdict for all
  });
});

describe('createCardScorer', () => {
  it('answers off when Otklik is off and empty when there is no profile, with the user’s action and badges', async () => {
    const off = defaultSettings();
    off.enabled = false;
    off.triage.action = 'dim';
    expect(await createCardScorer(async () => off)([raw('1', 'Python')], 'en')).toMatchObject({
      mode: 'off',
      action: 'dim',
      verdicts: '',
      scores: [],
    });
    const empty = defaultSettings();
    empty.triage.showBadges = false;
    expect(await createCardScorer(async () => empty)([raw('1', 'Python')], 'en')).toMatchObject({
      mode: 'empty',
      badges: false,
      verdicts: '',
    });
  });

  it('answers the queue’s job states of the cards with the verdicts, and asks for none when off', async () => {
    const asked: string[][] = [];
    const jobs = async (ids: string[]) => {
      asked.push(ids);
      return [{ vacancyId: '2', state: 'applied' as const }];
    };
    const reply = await createCardScorer(async () => pythonJuniorSettings(), jobs)(
      [raw('1', 'Python'), raw('2', 'Django')],
      'en',
    );
    expect(asked).toEqual([['1', '2']]);
    expect(decodeVerdicts(reply, 2).jobs).toEqual({ '2': 'applied' });
    const off = pythonJuniorSettings();
    off.enabled = false;
    expect((await createCardScorer(async () => off, jobs)([raw('1', 'Python')], 'en')).jobs).toEqual([]);
    expect(asked).toHaveLength(1);
  });

  it('still judges the cards when the queue cannot say which it holds', async () => {
    const reply = await createCardScorer(
      async () => pythonJuniorSettings(),
      () => Promise.reject(new Error('DatabaseClosedError')),
    )([raw('1', 'Junior Python developer')], 'en');
    expect(reply).toMatchObject({ mode: 'on', verdicts: 's', jobs: [] });
  });

  it('compiles the profile once and again only when the profile or the cut-offs change', async () => {
    let settings: Settings = pythonJuniorSettings();
    const scorerModule = await import('../../core/triage/scorer');
    const spy = vi.spyOn(scorerModule, 'makeScorer');
    const score = createCardScorer(async () => structuredClone(settings));
    const cards = [
      raw('1', 'Junior Python developer'),
      raw('2', 'Водитель погрузчика'),
      raw('3', 'Python-разработчик', { responseText: 'Вы откликнулись' }),
    ];
    const first = await score(cards, 'en');
    await score(cards, 'en');
    settings = { ...settings, triage: { ...settings.triage, action: 'dim' } };
    const dim = await score(cards, 'en');
    expect(spy).toHaveBeenCalledTimes(1); // the action does not change scores
    expect(dim.action).toBe('dim');
    settings = { ...settings, triage: { ...settings.triage, dimBelow: 0.99, hideBelow: 0.98 } };
    const strict = await score(cards, 'en');
    expect(spy).toHaveBeenCalledTimes(2);
    expect(first.verdicts).toBe('shs');
    expect(strict.verdicts).toBe('hhh');
    expect(first.applied).toBe('001');
    expect(first.reasons[1]).toMatch(/^-/);
    spy.mockRestore();
  });
});

describe('feedback in the verdicts', () => {
  it('a card the user turned down, saying why, is hidden with that why (and keeps it across a worker restart)', async () => {
    let stored: unknown;
    const storage = { get: async () => stored, set: async (x: unknown) => void (stored = x) };
    const s = pythonJuniorSettings();
    const score = createCardScorer(async () => s, undefined, createFeedback(storage));
    const card = raw('7', 'Python-разработчик', { employer: 'Acme' });
    expect((await score([card], 'en')).verdicts).toBe('s');
    expect(await createFeedback(storage).label('7', 'not', 'badge', 'salary')).toBe(false); // a fresh worker has not seen it
    const fb = createFeedback(storage);
    const again = createCardScorer(async () => s, undefined, fb);
    await again([card], 'en');
    expect(await fb.label('7', 'not', 'badge', 'salary')).toBe(true);
    const after = await createCardScorer(async () => s, undefined, createFeedback(storage))([card], 'ru');
    expect(after.verdicts).toBe('h');
    expect(after.reasons[0]!.split('\n')[0]).toBe('-вы отметили: не подходит (зарплата)');
  });
});

describe('one vacancy and the options preview, scored as the listing scores', () => {
  const driver = () => {
    const s = defaultSettings();
    s.profile.desiredTitles = ['Водитель'];
    s.profile.professionalRoles = ['21'];
    s.profile.driverLicences = ['B'];
    return s;
  };
  const lorry = {
    id: '5',
    title: 'Водитель-экспедитор',
    employer: { name: 'ТК' },
    salary: null,
    experience: null,
    workFormats: [],
    description: 'Требуются права категории C, E. Перевозки по области.',
  };
  const car = {
    ...lorry,
    id: '6',
    description: 'Развозка по городу на легковом автомобиле компании, права категории B.',
  };

  it('scoreVacancy: the same verdict and reasons as the listing (role model, licences), off and empty said', async () => {
    const s = driver();
    const { scoreVacancy, scoreCards } = createTriageScorers(async () => s);
    const r = await scoreVacancy(lorry, 'en');
    expect(r).toMatchObject({ mode: 'on', verdict: 'hide' });
    expect(r.reasons[0]).toMatch(/^-.*licen/i);
    expect((await scoreVacancy(car, 'en')).verdict).toBe('show');
    const card = await scoreCards([raw('6', 'Водитель-экспедитор')], 'en');
    expect(card.verdicts).toBe('s');
    s.enabled = false;
    expect((await scoreVacancy(car, 'en')).mode).toBe('off');
    expect((await createTriageScorers(async () => defaultSettings()).scoreVacancy(car, 'en')).mode).toBe('empty');
  });

  it('preview: the profile being edited, not the stored one', async () => {
    const { preview } = createTriageScorers(async () => defaultSettings());
    const [a, b] = await preview(driver().profile, 0.3, 0.55, [lorry, car], 'ru');
    expect([a!.verdict, b!.verdict]).toEqual(['hide', 'show']);
    expect(a!.reasons[0]).toMatch(/^-/);
  });
});

describe('decodeVerdicts', () => {
  const reply = {
    mode: 'on' as const,
    action: 'hide' as const,
    badges: true,
    verdicts: 'sh',
    scores: [0.9, 0.1],
    reasons: ['+title matches\n-no salary', ''],
    applied: '10',
    jobs: [{ vacancyId: '1', state: 'pending' as const }],
    ms: 1.5,
  };
  it('turns the flat columns into per-card verdicts', () => {
    expect(decodeVerdicts(reply, 2)).toEqual({
      mode: 'on',
      action: 'hide',
      badges: true,
      jobs: { '1': 'pending' },
      ms: 1.5,
      results: [
        {
          score: 0.9,
          verdict: 'show',
          reasons: [
            { text: 'title matches', minus: false },
            { text: 'no salary', minus: true },
          ],
          applied: true,
        },
        { score: 0.1, verdict: 'hide', reasons: [], applied: false },
      ],
    });
  });
  it('refuses a reply that does not cover every card sent', () => {
    expect(() => decodeVerdicts(reply, 3)).toThrow('covers 2 cards, 3 were sent');
    expect(() => decodeVerdicts({ ...reply, scores: [0.9] }, 2)).toThrow();
  });
  it('an empty or off reply carries no verdicts whatever the count', () => {
    expect(
      decodeVerdicts({ ...reply, mode: 'empty', verdicts: '', scores: [], reasons: [], applied: '' }, 5).results,
    ).toEqual([]);
  });
  it('the reply schema rejects unknown verdict letters', () => {
    expect(listingMessages.triageCards.res.safeParse({ ...reply, verdicts: 'sx' }).success).toBe(false);
    expect(listingMessages.triageCards.res.safeParse({ ...reply, applied: '12' }).success).toBe(false);
  });
});
