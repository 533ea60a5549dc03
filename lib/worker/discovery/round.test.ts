// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeHh, type FakeHh } from '../../../test/fake-hh/server';
import { fetchFromFake } from '../../../test/fake-hh/node-fetch';
import { describeWithRealVacancies } from '../../../test/shared-fixtures';
import { acceptsAutoResponse } from '../../../test/fake-hh/render-listing';
import { OtklikDb } from '../db/db';
import { enqueue } from '../queue/enqueue';
import { defaultSettings, type Settings } from '../../core/settings/schema';
import { backoffMs, blockedBecause, runRound, type RoundDeps } from './round';
import { getState, listSuggestions } from './store';

/**
 * A discovery round against the fake hh.ru over real HTTPS (the fake renders the same HH-Lux-InitialState shape
 * the real site embeds): sources in order, paging, "nothing new" stops, pacing requests, modes, faults.
 */
let fake: FakeHh;
let n = 0;
const dbs: OtklikDb[] = [];
beforeAll(async () => {
  fake = await startFakeHh({ port: 0, quiet: true });
});
afterAll(() => fake?.close());
afterEach(async () => {
  fake.reset();
  for (const db of dbs.splice(0)) await db.delete();
});

function settings(patch: (s: Settings) => void = () => undefined): Settings {
  const s = defaultSettings();
  s.profile.desiredTitles = ['Frontend-разработчик'];
  s.profile.skills = ['TypeScript', 'React', 'JavaScript', 'CSS'];
  s.discovery.enabled = true;
  s.discovery.resumeHash = fake.resumes[0]!.hash;
  s.discovery.profileQuery = false;
  s.discovery.maxPagesPerRound = 4;
  s.discovery.maxFullTextPerRound = 5;
  s.discovery.threshold = 0.6;
  s.discovery.pacing = { minSeconds: 2, maxSeconds: 5 };
  patch(s);
  return s;
}

interface Harness {
  deps: RoundDeps;
  db: OtklikDb;
  urls: string[];
  sleeps: number[];
  queued: string[];
  notices: { kind: string; title: string }[];
}

function harness(over: Partial<RoundDeps> = {}): Harness {
  const db = new OtklikDb(`otklik-discovery-${process.pid}-${++n}`);
  dbs.push(db);
  const h: Harness = { db, urls: [], sleeps: [], queued: [], notices: [], deps: undefined as unknown as RoundDeps };
  let t = 1_000_000;
  h.deps = {
    db,
    now: () => (t += 10),
    random: () => 0.5,
    sleep: async (ms) => void h.sleeps.push(ms),
    fetchPage: (url) => {
      h.urls.push(url);
      return fetchFromFake(fake, url);
    },
    resumeHash: async (s) => s.discovery.resumeHash,
    enqueue: async (v) => {
      h.queued.push(v.id);
      return { state: 'pending' };
    },
    notify: async (kind, text) => void h.notices.push({ kind, title: text.title }),
    lang: 'en',
    ...over,
  };
  return h;
}

const path = (u: string) => {
  const x = new URL(u);
  return x.pathname + (x.searchParams.get('page') ? `#${x.searchParams.get('page')}` : '');
};

describeWithRealVacancies('a discovery round against the fake hh.ru', () => {
  it('walks the similar-to-resume list page by page, paced, up to the page cap; suggests strong matches; the next round stops at the first page with nothing new', async () => {
    const h = harness();
    const s = settings((x) => (x.discovery.maxFullTextPerRound = 0));
    const r1 = await runRound(h.deps, s);
    expect(r1.outcome).toBe('done');
    expect(h.urls.map(path)).toEqual([
      '/search/vacancy',
      '/search/vacancy#1',
      '/search/vacancy#2',
      '/search/vacancy#3',
    ]);
    expect(new URL(h.urls[0]!).searchParams.get('resume')).toBe(fake.resumes[0]!.hash);
    expect(r1.sources).toEqual([
      expect.objectContaining({ key: 'similar', pages: 4, vacancies: 200, fresh: 200, stop: 'page_cap' }),
    ]);
    // one pause between two fetches, each within the configured 2–5 s
    expect(h.sleeps).toHaveLength(3);
    for (const ms of h.sleeps) expect(ms).toBe(3500);
    expect(await h.db.seen.count()).toBe(200);
    const suggestions = await listSuggestions(h.db);
    expect(suggestions.length).toBe(r1.suggested);
    expect(r1.suggested).toBeGreaterThan(5);
    for (const x of suggestions) {
      expect(x.score).toBeGreaterThanOrEqual(0.6);
      expect(x.reasons.length).toBeGreaterThan(0);
      expect(x.vacancy.url).toBe(`https://hh.ru/vacancy/${x.id}`);
    }
    expect((await h.db.seen.where('verdict').equals('below').count()) + r1.suggested).toBe(200);
    expect(h.queued).toEqual([]);
    expect(h.notices.map((x) => x.kind)).toEqual(['strongMatches']);

    h.urls.length = 0;
    h.notices.length = 0;
    const r2 = await runRound(h.deps, s);
    expect(h.urls.map(path)).toEqual(['/search/vacancy']);
    expect(r2.sources[0]).toMatchObject({ pages: 1, fresh: 0, stop: 'nothing_new' });
    expect(r2.suggested).toBe(0);
    expect(h.notices).toEqual([]);
    expect((await getState(h.db)).lastRun?.finishedAt).toBe(r2.finishedAt);
  });

  it('goes on with the next source, reads promising cards on their full text, and stops a source at its last page', async () => {
    const h = harness();
    const s = settings((x) => {
      x.discovery.similar = false;
      x.discovery.searches = [
        { name: 'tiny', query: 'https://hh.ru/search/vacancy?text=frontend+angular+serbia', enabled: true },
        { name: 'off', query: 'text=react', enabled: false },
        { name: 'vue', query: 'text=vue', enabled: true },
      ];
      x.discovery.maxPagesPerRound = 3;
    });
    const r = await runRound(h.deps, s);
    expect(r.sources.map((x) => [x.key, x.stop])).toEqual([
      ['search:tiny', 'end'],
      ['search:vue', 'page_cap'],
    ]);
    expect(new URL(h.urls[0]!).searchParams.get('text')).toBe('frontend angular serbia');
    expect(new URL(h.urls[0]!).searchParams.get('order_by')).toBe('publication_time');
    const vacancyFetches = h.urls.filter((u) => u.includes('/vacancy/'));
    expect(vacancyFetches.length).toBe(5);
    expect(r.fullTextFetches).toBe(5);
    expect(h.sleeps.length).toBe(h.urls.length - 1);
    expect(await h.db.seen.filter((x) => x.fullText).count()).toBe(5);
  });

  it('auto mode queues strong matches and skips what was applied, queued or blacklisted', async () => {
    const h = harness();
    // otk_state=plain: the page's state as plain JSON, for the regexes below (the round reads hh's escaped answer).
    const first = await fetchFromFake(
      fake,
      `https://hh.ru/search/vacancy?resume=${fake.resumes[0]!.hash}&from=resumelist&items_on_page=50&otk_state=plain`,
    );
    const ids = [...first.text.matchAll(/"vacancyId":(\d+)/g)].map((m) => m[1]!);
    const [queuedId, blackId] = [ids[0]!, ids[1]!];
    const blackEmployer = /"vacancyId":\d+,"name":"[^"]*","company":\{"id":"?(\d+)"?,"name":"([^"]+)"/.exec(
      first.text.slice(first.text.indexOf(`"vacancyId":${blackId}`)),
    )!;
    await enqueue(
      h.db,
      {
        vacancy: { id: queuedId, title: 'x', employer: null, url: `https://hh.ru/vacancy/${queuedId}` },
        resumeHash: fake.resumes[0]!.hash,
      },
      1,
    );
    const s = settings((x) => {
      x.discovery.mode = 'auto';
      x.discovery.maxPagesPerRound = 1;
      x.discovery.maxFullTextPerRound = 0;
      x.profile.employerBlacklist = [{ id: blackEmployer[1]!, name: blackEmployer[2]! }];
    });
    const r = await runRound(h.deps, s);
    expect(r.queued).toBeGreaterThan(0);
    expect(h.queued.length).toBe(r.queued);
    expect(h.queued).not.toContain(queuedId);
    expect(h.queued).not.toContain(blackId);
    expect((await h.db.seen.get(queuedId))?.verdict).toBe('queued');
    expect((await h.db.seen.get(blackId))?.verdict).toBe('blacklisted');
    // Strong matches whose employer refuses automatic applications are suggested, never queued.
    const suggested = (await listSuggestions(h.db)).map((x) => x.id);
    expect(suggested.length).toBeGreaterThan(0);
    for (const id of suggested) expect(acceptsAutoResponse(Number(id))).toBe(false);
    for (const id of h.queued) expect(acceptsAutoResponse(Number(id))).toBe(true);
    for (const id of h.queued) expect((await h.db.seen.get(id))?.score).toBeGreaterThanOrEqual(0.6);
  });

  it('captcha pauses discovery and says so; nothing is remembered from the blocked page', async () => {
    fake.behave({ captcha: true, scope: 'all' });
    const h = harness();
    const r = await runRound(h.deps, settings());
    expect(r.outcome).toBe('captcha');
    const state = await getState(h.db);
    expect(state.pause?.reason).toBe('captcha');
    expect(blockedBecause(settings(), state, Date.now())).toContain('captcha');
    expect(h.notices.map((x) => x.kind)).toEqual(['paused']);
    expect(await h.db.seen.count()).toBe(0);
  });

  it('5xx ends the round and backs off; a good round clears the backoff', async () => {
    fake.behave({ status5xx: 'always', scope: 'all' });
    const h = harness();
    const r = await runRound(h.deps, settings());
    expect(r.outcome).toBe('throttled');
    expect(h.urls).toHaveLength(1);
    let state = await getState(h.db);
    expect(state.failures).toBe(1);
    expect(state.backoffUntil).toBeGreaterThan(r.finishedAt);
    expect(blockedBecause(settings(), state, r.finishedAt)).toMatch(/slow down/);
    fake.reset();
    await runRound(
      h.deps,
      settings((x) => (x.discovery.maxPagesPerRound = 1)),
    );
    state = await getState(h.db);
    expect([state.failures, state.backoffUntil]).toEqual([0, 0]);
  });

  it('a logged-out session pauses discovery (hh sends the similar list to the login page)', async () => {
    fake.behave({ loggedOut: true });
    const h = harness();
    const r = await runRound(h.deps, settings());
    expect(r.outcome).toBe('logged_out');
    expect((await getState(h.db)).pause?.reason).toBe('logged_out');
  });
});

describe('backoff', () => {
  it('doubles from 15 minutes, is capped at 12 h, and honours a longer Retry-After', () => {
    expect([1, 2, 3].map((f) => backoffMs(f) / 60_000)).toEqual([15, 30, 60]);
    expect(backoffMs(20)).toBe(12 * 3600_000);
    expect(backoffMs(1, 3 * 3600_000)).toBe(3 * 3600_000);
  });
});

describe('memory', () => {
  it('forgets what was judged more than 90 days ago, but never a waiting suggestion', async () => {
    const { pruneSeen, rememberSeen } = await import('./store');
    const { SEEN_KEEP_MS } = await import('./round');
    const db = new OtklikDb(`otklik-prune-${process.pid}`);
    dbs.push(db);
    const row = (id: string, at: number, verdict: 'below' | 'suggested') => ({
      id,
      firstSeenAt: at,
      source: 's',
      score: 0.1,
      fullText: false,
      verdict,
      reasons: [],
      vacancy: { id, title: 't', employer: null, url: `https://hh.ru/vacancy/${id}` },
      updatedAt: at,
    });
    const now = 200 * 24 * 3600_000;
    await rememberSeen(db, [
      row('1', now - SEEN_KEEP_MS - 1, 'below'),
      row('2', now - SEEN_KEEP_MS - 1, 'suggested'),
      row('3', now - 1000, 'below'),
    ]);
    expect(await pruneSeen(db, now - SEEN_KEEP_MS)).toBe(1);
    expect((await db.seen.toArray()).map((r) => r.id).sort()).toEqual(['2', '3']);
  });
});
