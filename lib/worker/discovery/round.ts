import type { OtklikDb } from '../db/db';
import type { VacancySnapshot } from '../../core/db/schema';
import type { FetchedPage } from '../../core/hh/html-page';
import type { StateVacancy } from '../../core/hh/initial-state';
import { readSearchPage, readVacancyPageHtml } from '../../core/hh/page-state';
import { vacancyPageUrl } from '../../core/hh/urls';
import type { Lang } from '../../core/i18n/lang';
import { builtinRoleModel } from '../../core/match/roles';
import { compileProfile, DEFAULT_THRESHOLDS, formatReason, type MatchResult } from '../../core/match';
import { employerBlockReason } from '../queue/guards';
import type { Settings } from '../../core/settings/schema';
import { discoverySources, type Source } from './sources';
import { getState, pruneSeen, rememberSeen, seenIds, updateState } from './store';
import type { DiscoveryState, RoundSummary, SeenVacancy, SeenVerdict, SourceRun } from '../../core/db/discovery-rows';
import { scorePercent, storedScore } from '../../core/match/percent';

/**
 * One discovery round: walk the sources in order, page by page, politely paced; stop a source at a page
 * that brings nothing new (or its last page), and the whole round at the page cap. Each new vacancy is scored
 * (on its full text when the card looks promising), checked against applied / queued / blacklisted, and either
 * queued (auto mode) or kept as a suggestion. Everything looked at is remembered, so the next round only
 * scores what is new.
 *
 * Faults: captcha or logout pause discovery until the user resumes (and say so); 429 / 5xx / network errors
 * end the round and back off exponentially. No fetch ever runs inside a database transaction.
 */

export type { FetchedPage };

export interface Strong {
  title: string;
  employer: string | null;
  score: number;
  url: string;
}

export interface RoundDeps {
  db: OtklikDb;
  now(): number;
  random(): number;
  sleep(ms: number): Promise<void>;
  /** GET with the user's hh session (credentials included); throws on a network failure. */
  fetchPage(url: string): Promise<FetchedPage>;
  /** The resume whose similar list is walked (settings, else hh's latest); null = leave that source out. */
  resumeHash(settings: Settings): Promise<string | null>;
  /** Auto mode: put a vacancy into the apply queue; resolves to the job's state or throws with a reason. */
  enqueue(vacancy: VacancySnapshot): Promise<{ state: string; reason?: string }>;
  /** Tell the user (browser / Telegram per their settings). */
  notify(kind: 'strongMatches' | 'paused', text: { title: string; message: string; strong?: Strong[] }): Promise<void>;
  lang: Lang;
  log?(message: string): void;
}

/** How long a judged vacancy is remembered (hh vacancies rarely stay open longer). */
export const SEEN_KEEP_MS = 90 * 24 * 3600_000;

/** Back-off after a throttled round: 15 min, 30, 60 … capped at 12 h; hh's Retry-After wins when longer. */
export function backoffMs(failures: number, retryAfterMs = 0): number {
  const base = Math.min(12 * 3600_000, 15 * 60_000 * 2 ** Math.max(0, failures - 1));
  return Math.max(base, retryAfterMs);
}

/** Whether a round may start now: enabled, not paused, not backing off. Returns why not, or null. */
export function blockedBecause(settings: Settings, state: DiscoveryState, now: number): string | null {
  if (!settings.enabled || !settings.discovery.enabled) return 'discovery is off';
  if (state.pause) return state.pause.message;
  if (state.backoffUntil > now)
    return `hh.ru asked to slow down: next try at ${new Date(state.backoffUntil).toISOString()}`;
  return null;
}

type Stop = { kind: 'captcha' | 'logged_out' } | { kind: 'throttled'; retryAfterMs: number; error: string };

const PAUSE_TEXT = {
  captcha: {
    ru: 'hh.ru показал капчу: автопоиск приостановлен. Пройдите капчу на hh.ru и включите его снова.',
    en: 'hh.ru showed a captcha: discovery is paused. Solve it on hh.ru, then resume discovery.',
  },
  logged_out: {
    ru: 'Вы не вошли на hh.ru: автопоиск приостановлен. Войдите и включите его снова.',
    en: 'You are logged out of hh.ru: discovery is paused. Log in, then resume discovery.',
  },
} as const;

function snapshot(v: StateVacancy, score: number): VacancySnapshot {
  const s: VacancySnapshot = {
    id: v.id,
    title: v.title.trim().slice(0, 500) || `#${v.id}`,
    employer: v.employer ? { ...v.employer, name: v.employer.name.slice(0, 300) } : null,
    url: vacancyPageUrl(v.id),
    score: storedScore(score),
  };
  if (s.employer?.id && s.employer.id.length > 40) delete s.employer.id;
  return s;
}

export async function runRound(deps: RoundDeps, settings: Settings): Promise<RoundSummary> {
  const d = settings.discovery;
  const startedAt = deps.now();
  const summary: RoundSummary = {
    startedAt,
    finishedAt: startedAt,
    sources: [],
    pages: 0,
    fullTextFetches: 0,
    fresh: 0,
    suggested: 0,
    queued: 0,
    outcome: 'done',
  };
  const strong: Strong[] = [];
  const finish = async (patch: Partial<RoundSummary>, stop?: Stop): Promise<RoundSummary> => {
    Object.assign(summary, patch, { finishedAt: deps.now() });
    const now = deps.now();
    await pruneSeen(deps.db, now - SEEN_KEEP_MS);
    const state = await updateState(deps.db, (s) => {
      const next: DiscoveryState = { ...s, lastRun: summary };
      if (stop?.kind === 'captcha' || stop?.kind === 'logged_out')
        next.pause = { reason: stop.kind, message: PAUSE_TEXT[stop.kind][deps.lang], since: now };
      if (stop?.kind === 'throttled') {
        next.failures = s.failures + 1;
        next.backoffUntil = now + backoffMs(next.failures, stop.retryAfterMs);
      } else if (!stop) {
        next.failures = 0;
        next.backoffUntil = 0;
      }
      return next;
    });
    if (state.pause && (stop?.kind === 'captcha' || stop?.kind === 'logged_out')) {
      await deps
        .notify('paused', {
          title: deps.lang === 'ru' ? 'Otklik: автопоиск на паузе' : 'Otklik: discovery paused',
          message: state.pause.message,
        })
        .catch(() => undefined);
    }
    if (strong.length) {
      const n = strong.length;
      const title =
        deps.lang === 'ru'
          ? `Otklik: ${n} ${d.mode === 'auto' ? 'в очереди' : 'подходящих'} — новые вакансии`
          : `Otklik: ${n} new strong ${n === 1 ? 'match' : 'matches'}${d.mode === 'auto' ? ' queued' : ''}`;
      const message = strong
        .slice(0, 3)
        .map((s) => `${scorePercent(s.score)} · ${s.title}${s.employer ? ` — ${s.employer}` : ''}`)
        .join('\n');
      await deps.notify('strongMatches', { title, message, strong }).catch(() => undefined);
    }
    return summary;
  };

  if (!settings.profile.desiredTitles.length && !settings.profile.skills.length && !settings.profile.resumeText.trim())
    return finish({ outcome: 'no_profile' });
  const sources = discoverySources(settings, await deps.resumeHash(settings).catch(() => null));
  if (!sources.length) return finish({ outcome: 'no_sources' });

  const matcher = compileProfile(settings.profile, { roles: builtinRoleModel() });
  const { hideBelow, dimBelow } = settings.triage;
  const thresholds = { hide: hideBelow ?? DEFAULT_THRESHOLDS.hide, dim: dimBelow ?? DEFAULT_THRESHOLDS.dim };
  let fetches = 0;
  const paced = async (url: string): Promise<FetchedPage> => {
    if (fetches++ > 0) {
      const { minSeconds, maxSeconds } = d.pacing;
      await deps.sleep(Math.round((minSeconds + deps.random() * (maxSeconds - minSeconds)) * 1000));
    }
    return deps.fetchPage(url);
  };
  /** null = fine; otherwise why the round must stop. */
  const fault = (r: FetchedPage, kind: string): Stop | null => {
    if (r.status === 429 || r.status >= 500)
      return { kind: 'throttled', retryAfterMs: r.retryAfterMs ?? 0, error: `${kind}: HTTP ${r.status}` };
    return null;
  };
  const seenThisRound = new Set<string>();

  for (const source of sources) {
    const run: SourceRun = { key: source.key, label: source.label, pages: 0, vacancies: 0, fresh: 0, stop: 'end' };
    summary.sources.push(run);
    for (let page = 0; ; page++) {
      if (summary.pages >= d.maxPagesPerRound) {
        run.stop = 'page_cap';
        break;
      }
      let res: FetchedPage;
      try {
        res = await paced(source.url(page));
      } catch (e) {
        run.stop = 'error';
        run.error = e instanceof Error ? e.message : String(e);
        return finish(
          { outcome: 'throttled', error: `network: ${run.error}` },
          { kind: 'throttled', retryAfterMs: 0, error: run.error },
        );
      }
      summary.pages++;
      run.pages++;
      const f = fault(res, 'search page');
      if (f) {
        run.stop = 'error';
        return finish({ outcome: 'throttled', error: f.kind === 'throttled' ? f.error : '' }, f);
      }
      const read = readSearchPage(res.text, res.url);
      if (read.kind === 'captcha' || read.kind === 'login') {
        run.stop = 'blocked';
        const kind = read.kind === 'captcha' ? 'captcha' : 'logged_out';
        return finish({ outcome: kind }, { kind });
      }
      if (read.kind === 'unreadable' || res.status >= 400) {
        run.stop = 'error';
        run.error = read.kind === 'unreadable' ? read.why : `HTTP ${res.status}`;
        break; // another source may still work; the summary says what went wrong
      }
      if (source.key === 'similar' && read.userType === 'anonymous') {
        run.stop = 'blocked';
        return finish({ outcome: 'logged_out' }, { kind: 'logged_out' });
      }
      run.vacancies += read.vacancies.length;
      const ids = read.vacancies.map((v) => v.id);
      const known = await seenIds(deps.db, ids);
      const fresh = read.vacancies.filter((v) => !known.has(v.id) && !seenThisRound.has(v.id));
      fresh.forEach((v) => seenThisRound.add(v.id));
      run.fresh += fresh.length;
      summary.fresh += fresh.length;
      if (fresh.length) {
        const stop = await judge(fresh, source);
        if (stop)
          return finish(
            {
              outcome: stop.kind === 'throttled' ? 'throttled' : stop.kind,
              ...(stop.kind === 'throttled' ? { error: stop.error } : {}),
            },
            stop,
          );
      }
      if (!fresh.length) {
        run.stop = 'nothing_new';
        break;
      }
      const pages = read.pages;
      if (
        !read.vacancies.length ||
        (pages !== null && page + 1 >= pages) ||
        (pages === null && read.vacancies.length < 20)
      ) {
        run.stop = 'end';
        break;
      }
    }
    if (summary.pages >= d.maxPagesPerRound && run.stop === 'page_cap') break;
  }
  return finish({});

  /** Scores and files the new vacancies of one page. Returns a stop when a vacancy page fetch hit a fault. */
  async function judge(fresh: StateVacancy[], source: Source): Promise<Stop | null> {
    const active = new Set(
      (
        await deps.db.jobs
          .where('vacancyId')
          .anyOf(fresh.map((v) => v.id))
          .toArray()
      )
        .filter((j) => j.state !== 'cancelled')
        .map((j) => j.vacancyId),
    );
    const rows: SeenVacancy[] = [];
    let stop: Stop | null = null;
    for (const v of fresh) {
      const now = deps.now();
      let result: MatchResult = matcher.score(v, thresholds);
      let fullText = false;
      let verdict: SeenVerdict;
      const block = employerBlockReason(
        snapshot(v, 0),
        settings.profile.employerBlacklist,
        settings.apply.currentEmployer,
      );
      if (v.applied === true) verdict = 'applied';
      else if (active.has(v.id)) verdict = 'queued';
      else if (block) verdict = 'blacklisted';
      else {
        // Full text only for cards that may make it: a card already below the hide line stays there.
        if (
          !stop &&
          result.verdict !== 'hide' &&
          result.score >= thresholds.hide &&
          !v.description &&
          summary.fullTextFetches < d.maxFullTextPerRound
        ) {
          try {
            const res = await paced(vacancyPageUrl(v.id));
            summary.fullTextFetches++;
            stop = fault(res, 'vacancy page');
            const read = stop ? null : readVacancyPageHtml(res.text, res.url, res.status);
            if (read?.kind === 'captcha') stop = { kind: 'captcha' };
            else if (read?.kind === 'login') stop = { kind: 'logged_out' };
            else if (read?.kind === 'ok') {
              const full = {
                ...v,
                description: read.vacancy.description ?? '',
                ...(read.vacancy.keySkills ? { keySkills: read.vacancy.keySkills } : {}),
              };
              result = matcher.score(full, thresholds);
              fullText = true;
              if (read.vacancy.alreadyApplied === true) v.applied = true;
            }
          } catch (e) {
            stop = {
              kind: 'throttled',
              retryAfterMs: 0,
              error: `network: ${e instanceof Error ? e.message : String(e)}`,
            };
          }
          if (stop) break; // this vacancy stays unseen: the next round looks at it again
        }
        // An employer that refuses automatic applications (hh's acceptAutoResponse: false) is only ever suggested.
        const auto = d.mode === 'auto' && v.acceptAutoResponse !== false;
        verdict =
          v.applied === true
            ? 'applied'
            : result.verdict !== 'hide' && result.score >= d.threshold
              ? auto
                ? 'queued'
                : 'suggested'
              : 'below';
      }
      const snap = snapshot(v, result.score);
      if (verdict === 'queued' && !active.has(v.id)) {
        try {
          const r = await deps.enqueue(snap);
          if (r.state === 'skipped' && r.reason === 'blacklisted') verdict = 'blacklisted';
        } catch (e) {
          deps.log?.(`cannot queue ${v.id}: ${e instanceof Error ? e.message : String(e)}`);
          verdict = 'failed';
        }
        if (verdict === 'queued') {
          summary.queued++;
          strong.push({ title: snap.title, employer: snap.employer?.name ?? null, score: result.score, url: snap.url });
        }
      } else if (verdict === 'suggested') {
        summary.suggested++;
        strong.push({ title: snap.title, employer: snap.employer?.name ?? null, score: result.score, url: snap.url });
      }
      const reasons = result.reasons
        .filter((r) => r.polarity === 'plus')
        .concat(result.reasons.filter((r) => r.polarity === 'minus'))
        .slice(0, 4)
        .map((r) => formatReason(r, deps.lang));
      rows.push({
        id: v.id,
        firstSeenAt: now,
        source: source.label,
        score: storedScore(result.score),
        fullText,
        verdict,
        reasons,
        vacancy: snap,
        updatedAt: now,
      });
    }
    await rememberSeen(deps.db, rows);
    return stop;
  }
}

export { getState };
