import { afterEach, describe, expect, it } from 'vitest';
import { OtklikDb } from '../db/db';
import type { Job } from '../../core/db/schema';
import type { NegotiationRecord } from '../../core/db/negotiation-rows';
import { testJob } from '../../../test/job-fixture';
import {
  correct,
  emptyFeedback,
  feedbackStoreSchema,
  learn,
  MAX_EXAMPLES,
  vacancyFeatures,
  type FeedbackStore,
} from './model';
import { createFeedback } from './service';
import { learnApplied } from './implicit';

let n = 0;
const dbs: OtklikDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const open = () => {
  const db = new OtklikDb(`otklik-fb-implicit-${process.pid}-${++n}`);
  dbs.push(db);
  return db;
};

const memory = () => {
  let v: unknown;
  return {
    get: async () => v,
    set: async (x: FeedbackStore) => void (v = structuredClone(x)),
    raw: () => v as FeedbackStore,
  };
};

const card = (id: string, title: string, employer = { id: '7', name: 'Acme' }) => ({
  id,
  title,
  employer,
  salary: null,
  experience: null,
  workFormats: [],
});

const appliedJob = (vacancyId: string, title: string, at: number, score?: number): Job =>
  ({
    ...testJob(vacancyId, {
      vacancy: {
        id: vacancyId,
        title,
        employer: { id: '7', name: 'Acme' },
        url: `https://hh.ru/vacancy/${vacancyId}`,
        ...(score !== undefined ? { score } : {}),
      },
      state: 'applied',
      outcome: { kind: 'applied', at },
      updatedAt: at,
    }),
  }) as Job;

const byHand = (topicId: string, vacancyId: string, title: string, at: number): NegotiationRecord => ({
  topicId,
  vacancyId,
  chatId: null,
  jobId: null,
  title,
  employer: 'Globex',
  status: 'applied' as NegotiationRecord['status'],
  hhState: null,
  hasNewMessages: false,
  messagesCount: null,
  appliedAt: at,
  firstSeenAt: at,
  viewedAt: null,
  invitedAt: null,
  rejectedAt: null,
  archivedAt: null,
  statusChangedAt: at,
  updatedAt: at,
  score: null,
});

describe('implicit feedback', () => {
  it('a store written before the "applied" source still parses; an unknown source reads as weak implicit', () => {
    const before = {
      version: 1,
      examples: {
        '1': { label: 'not', source: 'badge', features: ['t:java'], base: 0.9, title: 'Java', at: 1 },
        '2': { label: 'relevant', source: 'queued', features: ['t:python'], base: 0.6, title: 'Python', at: 2 },
        '3': { label: 'relevant', source: 'from_the_future', features: ['t:go'], base: 0.5, title: 'Go', at: 3 },
      },
      weights: { 't:java': -1 },
    };
    const parsed = feedbackStoreSchema.parse(before);
    expect(parsed.examples['1']!.source).toBe('badge');
    expect(parsed.examples['2']!.source).toBe('queued');
    expect(parsed.examples['3']!.source).toBe('applied');
    expect(parsed.resetAt).toBeUndefined();
  });

  it('implicit never replaces an explicit label; a newer explicit label replaces an implicit one', () => {
    const f = vacancyFeatures({ title: 'Java Developer', employer: null });
    const base = { features: f, base: 0.9, title: 'Java Developer', at: 1 };
    let s = learn(emptyFeedback(), '1', { ...base, label: 'not', source: 'badge' });
    s = learn(s, '1', { ...base, label: 'relevant', source: 'applied', at: 2 });
    expect(s.examples['1']!.source).toBe('badge');
    expect(correct(s, '1', f, 0.9).own).toBe('not');
    s = learn(emptyFeedback(), '2', { ...base, label: 'relevant', source: 'applied' });
    expect(correct(s, '2', f, 0.9).own).toBeNull(); // implicit labels never pin their own vacancy
    s = learn(s, '2', { ...base, label: 'not', source: 'badge', at: 3 });
    expect(s.examples['2']!.source).toBe('badge');
  });

  it('"applied" is weaker than a ✓ on the same vacancy', () => {
    const f = vacancyFeatures({ title: 'Повар горячего цеха', employer: null });
    const ex = { features: f, base: 0.3, title: 'Повар горячего цеха', at: 1, label: 'relevant' as const };
    const badge = learn(emptyFeedback(), '1', { ...ex, source: 'badge' });
    const applied = learn(emptyFeedback(), '1', { ...ex, source: 'applied' });
    const other = vacancyFeatures({ title: 'Повар', employer: null });
    const wBadge = correct(badge, '9', other, 0.3).shift;
    const wApplied = correct(applied, '9', other, 0.3).shift;
    expect(wApplied).toBeGreaterThan(0);
    expect(wApplied).toBeLessThan(wBadge);
  });

  it('employer hidden from a panel: "not — employer" on that vacancy, only the employer learned, nothing hidden', async () => {
    const fb = createFeedback(memory(), () => 10);
    const store = await fb.current();
    fb.apply(store, card('1', 'Java Developer'), 0.9, 0.3);
    // Not scored lately, or the page names another employer than the worker read: nothing learned.
    expect(await fb.employerHidden('2', { id: '7', name: 'Acme' })).toBe(false);
    expect(await fb.employerHidden('1', { id: '8', name: 'Initech' })).toBe(false);
    expect(await fb.employerHidden('1', { id: '7', name: 'Acme' })).toBe(true);
    const s = await fb.current();
    expect(s.examples['1']).toMatchObject({ label: 'not', source: 'employer_hidden', why: 'employer' });
    expect(Object.keys(s.weights)).toEqual(['e:7']);
    // Its own vacancy is dimmed by the employer weight, never pinned below the hide line by feedback.
    const own = correct(s, '1', vacancyFeatures(card('1', 'Java Developer')), 0.9, 0.3);
    expect(own.own).toBeNull();
    expect(own.score).toBeGreaterThanOrEqual(0.3);
    const other = correct(s, '5', vacancyFeatures(card('5', 'Python Developer', { id: '9', name: 'Other' })), 0.9);
    expect(other.score).toBe(0.9);
    expect((await fb.summary()).bySource.employer_hidden).toBe(1);
  });

  it('applied jobs and hand-made responses teach a weak "relevant" once; explicit labels and reset win', async () => {
    const db = open();
    const storage = memory();
    let now = 100;
    const fb = createFeedback(storage, () => now);
    await db.jobs.add(appliedJob('11', 'Java Developer', 50, 0.4));
    await db.jobs.add({ ...appliedJob('12', 'Java Team Lead', 50), state: 'pending', outcome: null } as Job);
    await db.negotiations.add(byHand('t1', '21', 'Kotlin Developer', 60));
    await db.negotiations.add({ ...byHand('t2', '22', 'Scala Developer', 60), vacancyId: null });
    // The user turned vacancy 31 down on its badge before applying anyway: the badge stays.
    const store = await fb.current();
    fb.apply(store, card('31', 'Go Developer'), 0.7, 0.3);
    await fb.label('31', 'not', 'badge');
    await db.jobs.add(appliedJob('31', 'Go Developer', 70));

    expect(await learnApplied(fb, db)).toBe(2);
    const s = await fb.current();
    expect(s.examples['11']).toMatchObject({ label: 'relevant', source: 'applied', base: 0.4, employer: 'Acme' });
    expect(s.examples['11']!.features).toContain('e:7');
    expect(s.examples['21']).toMatchObject({ label: 'relevant', source: 'applied', employer: 'Globex' });
    expect(s.examples['12']).toBeUndefined(); // still pending: not applied
    expect(s.examples['31']).toMatchObject({ label: 'not', source: 'badge' });
    expect(storage.raw().examples['11']!.at).toBe(50); // dated by the application, not by the sweep

    now = 200;
    expect(await learnApplied(fb, db)).toBe(0); // once per vacancy
    expect((await fb.current()).examples['11']!.at).toBe(50);

    // "Forget everything" forgets applications made before it too; a later one is learned.
    now = 300;
    await fb.reset();
    expect(await learnApplied(fb, db)).toBe(0);
    expect((await fb.summary()).relevant).toBe(0);
    await db.jobs.add(appliedJob('41', 'Rust Developer', 350));
    now = 400;
    expect(await learnApplied(fb, db)).toBe(1);
    expect((await fb.summary()).bySource).toMatchObject({ applied: 1, badge: 0 });
  });

  it('past the label limit: badge labels stay, the newest applications are kept, a sweep again changes nothing', async () => {
    const db = open();
    let writes = 0;
    const mem = memory();
    const storage = { get: mem.get, set: async (x: FeedbackStore) => void (writes++, await mem.set(x)) };
    let now = 10_000;
    const fb = createFeedback(storage, () => now);
    // Ten explicit labels given long before the applications were sent.
    const store = await fb.current();
    for (let i = 0; i < 10; i++) {
      fb.apply(store, card(String(900 + i), `Badge ${i}`), 0.5, 0.3);
      await fb.label(String(900 + i), i % 2 ? 'not' : 'relevant', 'badge');
    }
    const jobs = Array.from({ length: MAX_EXAMPLES + 20 }, (_, i) =>
      appliedJob(String(1000 + i), `Job ${i}`, 20_000 + i),
    );
    await db.jobs.bulkAdd(jobs);
    now = 50_000;
    await learnApplied(fb, db);
    const s1 = await fb.current();
    expect(Object.keys(s1.examples)).toHaveLength(MAX_EXAMPLES);
    for (let i = 0; i < 10; i++) expect(s1.examples[String(900 + i)]?.source).toBe('badge');
    // The oldest 30 applications made room; the newest are kept.
    expect(s1.examples['1000']).toBeUndefined();
    expect(s1.examples['1029']).toBeUndefined();
    expect(s1.examples['1030']?.source).toBe('applied');
    expect(s1.examples[String(1000 + MAX_EXAMPLES + 19)]?.source).toBe('applied');

    // The next sweeps see the same applications: nothing is re-learned, nothing is written.
    writes = 0;
    now = 110_000;
    expect(await learnApplied(fb, db)).toBe(0);
    expect(await learnApplied(fb, db)).toBe(0);
    expect(writes).toBe(0);
    expect(await fb.current()).toEqual(s1);

    // A new application is learned and the oldest kept application goes, never a badge label.
    await db.jobs.add(appliedJob('5000', 'New job', 60_000));
    expect(await learnApplied(fb, db)).toBe(1);
    const s2 = await fb.current();
    expect(s2.examples['5000']?.source).toBe('applied');
    expect(s2.examples['1030']).toBeUndefined();
    for (let i = 0; i < 10; i++) expect(s2.examples[String(900 + i)]?.source).toBe('badge');
    // A new badge label in a full store also pushes out an application, not an older badge label.
    fb.apply(s2, card('6000', 'Late badge'), 0.5, 0.3);
    await fb.label('6000', 'not', 'badge');
    const s3 = await fb.current();
    expect(s3.examples['6000']?.source).toBe('badge');
    expect(s3.examples['900']?.source).toBe('badge');
    expect(s3.examples['1031']).toBeUndefined();
  });
});
