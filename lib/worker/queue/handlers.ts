import { jobEvents, listJobs } from '../db/jobs';
import { enqueue, enqueueMany, type EnqueueResult } from './enqueue';
import { removeJob, retryJob } from './user-actions';
import type { OtklikDb } from '../db/db';
import type { Job } from '../../core/db/schema';
import { fetchResumes, pickDefaultResume } from '../../core/hh/resumes';
import { hhHomeUrl } from '../../core/hh/urls';
import type { JobView, queueMessages } from '../../core/messaging/protocol';
import type { Handlers } from '../../core/messaging/router';
import { canonicalVacancyUrl } from '../../core/hh/vacancy-url';
import {
  PAUSE_MESSAGES,
  blockFor,
  jobOpenUrl,
  clearPause,
  queueConfigFromSettings,
  queueStatus,
  setPause,
  storyOf,
} from '.';
import type { Settings } from '../../core/settings/schema';
import { retryForLetter } from '../letters/jobs';
import { confirmSend } from './hh-conditions';

/** What the handlers need; injected so they can be tested without a worker. */
export interface QueueMessageDeps {
  db: () => OtklikDb;
  now: () => number;
  settings: () => Promise<Settings>;
  fetch: typeof fetch;
  /** Something changed that the drain should look at soon (new job, resume, retry). */
  kick: () => void;
  /** Remembers the resume picked for the user when none was chosen yet. */
  saveDefaultResume: (hash: string) => Promise<void>;
  /** New jobs wait for a cover letter (issue 5): start writing drafts. */
  kickLetters?: () => void;
}

async function view(db: OtklikDb, job: Job): Promise<JobView> {
  const v: JobView = {
    id: job.id,
    vacancyId: job.vacancyId,
    resumeHash: job.resumeHash,
    title: job.vacancy.title,
    employer: job.vacancy.employer?.name ?? null,
    url: canonicalVacancyUrl(job.vacancyId, job.vacancy.url) ?? hhHomeUrl(),
    state: job.state,
    reason: job.reason,
    link: job.link === null ? null : jobOpenUrl(job),
    lastError: job.lastError,
    attempts: job.attempts,
    nextAttemptAt: job.nextAttemptAt,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    outcome: job.outcome ? { ...job.outcome } : null,
    story: storyOf(await jobEvents(db, job.id)),
  };
  if (job.vacancy.score !== undefined) v.score = job.vacancy.score;
  return v;
}

/**
 * The resume to apply with: the chosen one, else (first queueing ever) hh's latest resume of the user, which is
 * then saved as the default so every job shows which resume it uses. No resume at all → a clear error.
 */
async function defaultResume(deps: QueueMessageDeps, s: Settings): Promise<string> {
  if (s.apply.defaultResumeHash) return s.apply.defaultResumeHash;
  const r = await fetchResumes(deps.fetch);
  if (!r.ok)
    throw new Error(`no resume chosen and hh.ru did not list yours (${r.error}): pick one in Otklik's options`);
  const pick = pickDefaultResume(r.resumes);
  if (!pick) throw new Error('no resume chosen: you have no resume on hh.ru yet');
  await deps.saveDefaultResume(pick.hash);
  return pick.hash;
}

export function createQueueHandlers(deps: QueueMessageDeps): Handlers<typeof queueMessages> {
  const withKick = <T extends EnqueueResult | EnqueueResult[]>(r: T): T => {
    const list = Array.isArray(r) ? r : [r];
    if (list.some((x) => x.created && x.state === 'pending')) deps.kick();
    if (list.some((x) => x.created && x.state === 'review')) deps.kickLetters?.();
    return r;
  };
  return {
    enqueue: async ({ vacancy, resumeHash, letter, source }) => {
      const s = await deps.settings();
      const hash = resumeHash ?? (await defaultResume(deps, s));
      const input = {
        vacancy,
        resumeHash: hash,
        source: source ?? 'other',
        awaitLetter: s.letters.provider !== 'none',
        ...(letter !== undefined ? { letter } : {}),
      };
      return withKick(await enqueue(deps.db(), input, deps.now(), blockFor(queueConfigFromSettings(s))));
    },
    enqueueMany: async ({ items }) => {
      const s = await deps.settings();
      const fallback = items.some((i) => !i.resumeHash) ? await defaultResume(deps, s) : '';
      const inputs = items.map(({ vacancy, resumeHash, letter }) => ({
        vacancy,
        resumeHash: resumeHash ?? fallback,
        source: 'bulk' as const,
        awaitLetter: s.letters.provider !== 'none',
        ...(letter !== undefined ? { letter } : {}),
      }));
      const results = withKick(await enqueueMany(deps.db(), inputs, deps.now(), blockFor(queueConfigFromSettings(s))));
      return { results, created: results.filter((r) => r.created).length };
    },
    queueStatus: async () => {
      const s = await deps.settings();
      const status = await queueStatus(deps.db(), deps.now(), queueConfigFromSettings(s));
      return { ...status, defaultResumeHash: s.apply.defaultResumeHash };
    },
    listJobs: async ({ states, limit }) => {
      const db = deps.db();
      const jobs = await listJobs(db, { ...(states ? { states } : {}), ...(limit ? { limit } : {}) });
      return { jobs: await Promise.all(jobs.map((j) => view(db, j))) };
    },
    jobsForVacancies: async ({ vacancyIds }) => {
      const jobs = await deps.db().jobs.where('vacancyId').anyOf(vacancyIds).toArray();
      const out = new Map<string, { vacancyId: string; state: Job['state'] }>();
      // An active or applied job wins over a cancelled one of another resume.
      for (const j of jobs.sort((a, b) => Number(a.state !== 'cancelled') - Number(b.state !== 'cancelled')))
        out.set(j.vacancyId, { vacancyId: j.vacancyId, state: j.state });
      return { jobs: [...out.values()] };
    },
    jobHistory: async ({ jobId }) => ({
      events: (await jobEvents(deps.db(), jobId)).map(({ at, type, state, detail }) => ({ at, type, state, detail })),
    }),
    pauseQueue: async () => ({
      pause: await setPause(deps.db(), { reason: 'user', message: PAUSE_MESSAGES.user, since: deps.now() }),
    }),
    resumeQueue: async () => {
      const previous = await clearPause(deps.db());
      deps.kick();
      return { resumed: previous !== null, previous };
    },
    retryJob: async ({ jobId }) => {
      // The user confirms a job whose employer refuses automatic applications (lib/worker/queue/hh-conditions.ts).
      const confirmed = await confirmSend(deps.db(), jobId, deps.now());
      if (confirmed) {
        deps.kick();
        return confirmed;
      }
      // A vacancy that requires a letter gets one written first when letters are on (issue 5).
      if ((await deps.settings()).letters.provider !== 'none') {
        const viaLetter = await retryForLetter(deps.db(), jobId, deps.now());
        if (viaLetter?.ok) {
          deps.kickLetters?.();
          return { ok: true, state: viaLetter.state };
        }
      }
      const r = await retryJob(deps.db(), jobId, deps.now());
      // A job whose letter nobody approved goes back to review (lib/worker/db/jobs.ts), never to the send queue.
      if (r.ok && r.state === 'review') deps.kickLetters?.();
      else if (r.ok) deps.kick();
      return r;
    },
    removeJob: ({ jobId }) => removeJob(deps.db(), jobId, deps.now()),
    listResumes: async () => {
      const r = await fetchResumes(deps.fetch);
      return r.ok ? { ok: true, resumes: r.resumes } : { ok: false, resumes: [], error: `${r.error}: ${r.detail}` };
    },
  };
}
