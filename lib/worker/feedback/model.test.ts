import { describe, expect, it } from 'vitest';
import {
  correct,
  emptyFeedback,
  feedbackStoreSchema,
  learn,
  learnedAdjustments,
  vacancyFeatures,
  type FeedbackExample,
} from './model';
import { createFeedback } from './service';

const ex = (
  title: string,
  label: 'relevant' | 'not',
  base: number,
  employer?: { id?: string; name: string },
  extra: Partial<FeedbackExample> = {},
): FeedbackExample => ({
  label,
  source: 'badge',
  features: vacancyFeatures({ title, employer: employer ?? null }),
  base,
  title,
  ...(employer ? { employer: employer.name } : {}),
  at: 1,
  ...extra,
});

describe('feedback model', () => {
  it('features: title stems, employer by hh id, hh roles', () => {
    const f = vacancyFeatures({
      title: 'Senior Java Developer',
      employer: { id: '42', name: 'Acme' },
      professionalRoleIds: ['96'],
    });
    expect(f).toContain('e:42');
    expect(f).toContain('r:96');
    expect(f.filter((x) => x.startsWith('t:'))).toHaveLength(3);
  });

  it('a labelled vacancy follows its label; similar ones move, unrelated ones do not', () => {
    let s = emptyFeedback();
    s = learn(s, '1', ex('Senior Java Developer', 'not', 0.9));
    s = learn(s, '2', ex('Java разработчик', 'not', 0.8));
    s = learn(s, '3', ex('Python developer', 'relevant', 0.6));
    expect(
      correct(s, '1', vacancyFeatures({ title: 'Senior Java Developer', employer: null }), 0.9).score,
    ).toBeLessThan(0.3);
    const java = correct(s, '9', vacancyFeatures({ title: 'Java Developer', employer: null }), 0.8);
    expect(java.score).toBeLessThan(0.8);
    expect(java.shift).toBeLessThan(0);
    const python = correct(s, '8', vacancyFeatures({ title: 'Python инженер', employer: null }), 0.6);
    expect(python.score).toBeGreaterThan(0.6);
    const other = correct(s, '7', vacancyFeatures({ title: 'Бухгалтер', employer: null }), 0.5);
    expect(other.score).toBe(0.5);
  });

  it('a likeness to turned-down vacancies dims what the scorer kept; it hides only when strong and learned from 10+ labels', () => {
    let s = emptyFeedback();
    for (let i = 1; i <= 6; i++) s = learn(s, String(i), ex(`Java Developer ${i}`, 'not', 0.95));
    const f = vacancyFeatures({ title: 'Java Developer', employer: null });
    expect(correct(s, '99', f, 0.9).score).toBeLessThan(0.3);
    expect(correct(s, '99', f, 0.9, 0.3).score).toBe(0.3);
    expect(correct(s, '99', f, 0.2, 0.3).score).toBeLessThan(0.2);
    // ten labels: a strong likeness (shift ≤ −2) hides, a weak one still only dims
    for (let i = 7; i <= 10; i++) s = learn(s, String(i), ex(`Java Developer ${i}`, 'not', 0.95));
    for (let i = 11; i <= 14; i++) s = learn(s, String(i), ex(`Python Developer ${i}`, 'relevant', 0.6));
    const strong = correct(s, '99', f, 0.9, 0.3);
    expect(strong.shift).toBeLessThanOrEqual(-2);
    expect(strong.score).toBeLessThan(0.3);
    const weak = correct(s, '98', vacancyFeatures({ title: 'Kotlin Developer', employer: null }), 0.9, 0.3);
    expect(weak.shift).toBeGreaterThan(-2);
    expect(weak.score).toBeGreaterThanOrEqual(0.3);
  });

  it('"not for me — employer" teaches about the employer only', () => {
    const s = learn(
      emptyFeedback(),
      '1',
      ex('Python developer', 'not', 0.9, { id: '5', name: 'Shady LLC' }, { why: 'employer' }),
    );
    expect(Object.keys(s.weights)).toEqual(['e:5']);
    expect(learnedAdjustments(s)).toEqual([
      { feature: 'e:5', kind: 'employer', value: 'Shady LLC', weight: s.weights['e:5'] },
    ]);
    expect(correct(s, '1', [], 0.9)).toMatchObject({ own: 'not', why: 'employer' });
    expect(correct(learn(emptyFeedback(), '2', ex('Python developer', 'not', 0.9)), '2', [], 0.9).why).toBeUndefined();
  });

  it('a changed mind replaces the old label', () => {
    let s = learn(emptyFeedback(), '1', ex('Java Developer', 'not', 0.9));
    s = learn(s, '1', ex('Java Developer', 'relevant', 0.9));
    expect(Object.keys(s.examples)).toEqual(['1']);
    expect(correct(s, '1', [], 0.9).own).toBe('relevant');
    expect(Object.values(s.weights).every((w) => w >= 0)).toBe(true);
  });

  it('stored shape is checked: a bad store is refused by the schema', () => {
    expect(feedbackStoreSchema.safeParse({ version: 1, examples: { x: {} }, weights: {} }).success).toBe(false);
    expect(feedbackStoreSchema.safeParse(learn(emptyFeedback(), '1', ex('Java', 'not', 0.5))).success).toBe(true);
  });
});

describe('feedback service', () => {
  const memory = () => {
    let v: unknown;
    return { get: async () => v, set: async (x: unknown) => void (v = x), peek: () => v };
  };

  it('learns only about vacancies it scored, persists, and resets', async () => {
    const storage = memory();
    const fb = createFeedback(storage, () => 5);
    expect(await fb.label('1', 'not', 'badge')).toBe(false);
    const store = await fb.current();
    expect(
      fb.apply(
        store,
        {
          id: '1',
          title: 'Java Developer',
          employer: { id: '3', name: 'Acme' },
          salary: null,
          experience: null,
          workFormats: [],
        },
        0.9,
        0.3,
      ).score,
    ).toBe(0.9);
    expect(await fb.label('1', 'not', 'badge')).toBe(true);
    const again = createFeedback(storage);
    const s2 = await again.current();
    expect(correct(s2, '1', [], 0.9).score).toBeLessThan(0.3);
    expect((await again.summary()).notForMe).toBe(1);
    await again.reset();
    expect(await createFeedback(storage).summary()).toEqual({
      relevant: 0,
      notForMe: 0,
      bySource: { badge: 0, queued: 0, employer_hidden: 0, applied: 0 },
      adjustments: [],
    });
  });

  it('an unreadable store starts afresh with a warning', async () => {
    const warnings: string[] = [];
    const fb = createFeedback({ get: async () => ({ version: 9 }), set: async () => undefined }, Date.now, (m) =>
      warnings.push(m),
    );
    expect(await fb.current()).toEqual(emptyFeedback());
    expect(warnings).toHaveLength(1);
  });
});

describe('feedback never unhides on a weak likeness', () => {
  it('keeps a hidden vacancy below the hide line unless the learned shift is strong', () => {
    const weak = { ...emptyFeedback(), weights: { 't:администратор': 1.2 } };
    const strong = { ...emptyFeedback(), weights: { 't:администратор': 1.5, 'e:7': 1 } };
    const fs = ['t:администратор', 'e:7'];
    const w = correct(weak, '9', fs, 0.1, 0.2);
    expect(w.score).toBeGreaterThanOrEqual(0.1);
    expect(w.score).toBeLessThan(0.2);
    expect(correct(strong, '9', fs, 0.1, 0.2).score).toBeGreaterThan(0.2);
    // a shown vacancy is never pushed under the line by feedback, as before
    expect(correct({ ...emptyFeedback(), weights: { 'e:7': -3 } }, '9', fs, 0.5, 0.2).score).toBe(0.2);
  });
});
