import type { OtklikDb } from '../db/db';
import { logEvent } from '../db/jobs';
import type { Job } from '../../core/db/schema';
import { cardDate, type NegotiationCard, type NegotiationTopic } from '../../core/hh/negotiations';
import { OUTCOME_UNKNOWN } from '../queue/commit';
import { settleAsApplied } from '../queue/unknown';
import { combineStatus, statusOfCard, statusOfTopic } from './status';
import type { NegotiationRecord, NegotiationStatus } from '../../core/db/negotiation-rows';

/**
 * Merges what hh shows on the responses page into the negotiations table and links each response to the queue
 * job that sent it (job.outcome.topicId, else the applied job of the same vacancy). Idempotent: the same
 * snapshot twice changes nothing. Only Dexie work inside the transaction (the caller fetched/parsed before).
 */

export interface Snapshot {
  cards: readonly NegotiationCard[];
  topics: readonly NegotiationTopic[];
}

export interface StatusChange {
  topicId: string;
  from: NegotiationStatus | null;
  to: NegotiationStatus;
}

export interface SyncResult {
  created: number;
  updated: number;
  changes: StatusChange[];
  linked: number;
  /** Topics whose employer wrote something new since the last sync (hasNewMessages turned on or more messages). */
  newMessages: Array<{ topicId: string; chatId: string | null }>;
  /** Jobs that waited for the user (questionnaire, letter, …) and now have a response on hh: the user applied there. */
  completedJobs: number[];
}

function stamp(rec: NegotiationRecord, status: NegotiationStatus, now: number): void {
  if (status === 'viewed' || status === 'invitation' || status === 'rejection') rec.viewedAt ??= now;
  if (status === 'invitation') rec.invitedAt ??= now;
  if (status === 'rejection') rec.rejectedAt ??= now;
  if (status === 'archived') rec.archivedAt ??= now;
}

interface JobIndex {
  byTopic: Map<string, Job>;
  byVacancy: Map<string, Job>;
  /** Jobs waiting for the user (needs_user: questionnaire, required letter, …), by vacancy. */
  waiting: Map<string, Job>;
}

async function jobIndex(db: OtklikDb): Promise<JobIndex> {
  const jobs = await db.jobs.where('state').anyOf(['applied', 'needs_user']).toArray();
  const byTopic = new Map<string, Job>();
  const byVacancy = new Map<string, Job>();
  const waiting = new Map<string, Job>();
  for (const j of jobs) {
    if (j.state === 'needs_user') {
      waiting.set(j.vacancyId, j);
      continue;
    }
    if (j.outcome?.topicId) byTopic.set(j.outcome.topicId, j);
    byVacancy.set(j.vacancyId, j);
  }
  return { byTopic, byVacancy, waiting };
}

export async function applySnapshot(db: OtklikDb, snap: Snapshot, now: number): Promise<SyncResult> {
  const out: SyncResult = { created: 0, updated: 0, changes: [], linked: 0, newMessages: [], completedJobs: [] };
  const ids = new Set<string>();
  const topicById = new Map(snap.topics.map((t) => [t.topicId, t] as const));
  const cardById = new Map(snap.cards.map((c) => [c.topicId, c] as const));
  for (const id of [...topicById.keys(), ...cardById.keys()]) ids.add(id);
  if (!ids.size) return out;
  await db.transaction('rw', [db.negotiations, db.jobs, db.events, db.sends], async () => {
    const jobs = await jobIndex(db);
    const completed: Array<{ job: Job; topicId: string; chatId: string | null; at: number }> = [];
    const list = [...ids];
    const existing = await db.negotiations.bulkGet(list);
    const writes: NegotiationRecord[] = [];
    list.forEach((topicId, i) => {
      const prev = existing[i];
      const topic = topicById.get(topicId);
      const card = cardById.get(topicId);
      const status =
        combineStatus(topic ? statusOfTopic(topic) : null, card ? statusOfCard(card) : null) ?? prev?.status ?? 'sent';
      const vacancyId = topic?.vacancyId ?? prev?.vacancyId ?? null;
      let job =
        (prev?.jobId != null
          ? undefined
          : (jobs.byTopic.get(topicId) ?? (vacancyId ? jobs.byVacancy.get(vacancyId) : undefined))) ?? null;
      if (!job && prev?.jobId == null && vacancyId) {
        // A job that waited for the user now has a response on hh: they answered the questionnaire (or wrote the
        // letter) there. The job is done; it is linked like any other.
        const w = jobs.waiting.get(vacancyId);
        if (w) {
          job = {
            ...w,
            outcome: {
              kind: 'applied',
              topicId,
              ...(topic?.chatId ? { chatId: topic.chatId } : {}),
              at: topic?.created ?? now,
            },
          };
          completed.push({ job: w, topicId, chatId: topic?.chatId ?? null, at: topic?.created ?? now });
          jobs.waiting.delete(vacancyId);
        }
      }
      const rec: NegotiationRecord = prev
        ? { ...prev }
        : {
            topicId,
            vacancyId,
            chatId: null,
            jobId: null,
            title: '',
            employer: '',
            status,
            hhState: null,
            hasNewMessages: false,
            messagesCount: null,
            // hh's creation time, else the card's «12 марта» (cards read without the state), else now.
            appliedAt: topic?.created ?? (card ? cardDate(card.dateText, now) : null) ?? now,
            firstSeenAt: now,
            viewedAt: null,
            invitedAt: null,
            rejectedAt: null,
            archivedAt: null,
            statusChangedAt: now,
            updatedAt: now,
            score: null,
          };
      rec.vacancyId = vacancyId;
      rec.chatId = topic?.chatId ?? rec.chatId;
      if (job) {
        rec.jobId = job.id;
        rec.vacancyId ??= job.vacancyId;
        rec.appliedAt = job.outcome?.at ?? rec.appliedAt;
        rec.score = job.vacancy.score ?? null;
        if (!rec.title) rec.title = job.vacancy.title;
        if (!rec.employer) rec.employer = job.vacancy.employer?.name ?? '';
        out.linked++;
      }
      if (card?.title) rec.title = card.title;
      if (card?.company) rec.employer = card.company;
      rec.hhState = topic?.lastState ?? card?.tag?.text ?? rec.hhState;
      if (topic) {
        const more =
          topic.messagesCount !== null && prev?.messagesCount != null && topic.messagesCount > prev.messagesCount;
        if (topic.hasNewMessages && (!prev?.hasNewMessages || more))
          out.newMessages.push({ topicId, chatId: rec.chatId });
        rec.hasNewMessages = topic.hasNewMessages;
        rec.messagesCount = topic.messagesCount ?? rec.messagesCount;
      }
      if (rec.status !== status || !prev) {
        if (prev) out.changes.push({ topicId, from: prev.status, to: status });
        rec.status = status;
        rec.statusChangedAt = now;
      }
      stamp(rec, status, now);
      if (!prev) {
        out.created++;
        writes.push({ ...rec, updatedAt: now });
      } else if (JSON.stringify({ ...prev, updatedAt: 0 }) !== JSON.stringify({ ...rec, updatedAt: 0 })) {
        out.updated++;
        writes.push({ ...rec, updatedAt: now });
      }
    });
    if (writes.length) await db.negotiations.bulkPut(writes);
    for (const c of completed) {
      if (c.job.reason === OUTCOME_UNKNOWN) {
        // hh's answer to our POST was not understood; its list now shows the response: it was ours, counted as sent.
        await settleAsApplied(
          db,
          c.job,
          { topicId: c.topicId, vacancyId: c.job.vacancyId, chatId: c.chatId },
          now,
          "hh.ru's responses page",
        );
        out.completedJobs.push(c.job.id);
        continue;
      }
      const outcome = {
        kind: 'applied' as const,
        topicId: c.topicId,
        ...(c.chatId ? { chatId: c.chatId } : {}),
        at: c.at,
      };
      await db.jobs.update(c.job.id, {
        state: 'applied',
        outcome,
        reason: null,
        link: null,
        lastError: null,
        updatedAt: now,
      });
      await logEvent(
        db,
        { id: c.job.id, state: 'applied' },
        'applied',
        `answered on hh.ru by the user (was ${c.job.reason ?? 'needs_user'}); seen on the responses page`,
        now,
      );
      out.completedJobs.push(c.job.id);
    }
  });
  return out;
}
