import { afterEach, describe, expect, it } from 'vitest';
import { OtklikDb } from '../db/db';
import type { Job } from '../../core/db/schema';
import type { NegotiationCard, NegotiationTopic } from '../../core/hh/negotiations';
import { applySnapshot } from './sync';
import { testJob } from '../../../test/job-fixture';
import { testTopic } from '../../../test/topic-fixture';

let n = 0;
const dbs: OtklikDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const open = () => {
  const db = new OtklikDb(`otklik-neg-test-${process.pid}-${++n}`);
  dbs.push(db);
  return db;
};

const topic = (id: string, patch: Partial<NegotiationTopic> = {}): NegotiationTopic =>
  testTopic(id, { messagesCount: 1, ...patch });
const card = (id: string, status: NegotiationCard['status'], title = `Job ${id}`): NegotiationCard => ({
  topicId: id,
  title,
  company: 'Acme',
  dateText: 'сегодня',
  status,
  tag: null,
  employerId: null,
  canDecline: true,
});

async function addAppliedJob(
  db: OtklikDb,
  vacancyId: string,
  topicId: string | undefined,
  score: number | undefined,
  at: number,
): Promise<Job> {
  const job = testJob(vacancyId, {
    vacancy: {
      id: vacancyId,
      title: `Vacancy ${vacancyId}`,
      employer: { name: 'Acme' },
      url: `https://hh.ru/vacancy/${vacancyId}`,
      ...(score !== undefined ? { score } : {}),
    },
    letter: '',
    state: 'applied',
    attempts: 1,
    outcome: { kind: 'applied', at, ...(topicId ? { topicId, chatId: `c${topicId}` } : {}) },
    createdAt: at,
    updatedAt: at,
  });
  const id = (await db.jobs.add(job as Job)) as number;
  return { ...job, id };
}

describe('negotiations sync', () => {
  it('a job waiting for the user (questionnaire) becomes applied once hh lists a response for its vacancy', async () => {
    const db = open();
    const w = await addAppliedJob(db, '700', undefined, 0.75, 5);
    await db.jobs.update(w.id, {
      state: 'needs_user',
      reason: 'test_required',
      link: 'https://hh.ru/applicant/vacancy_response?vacancyId=700',
      outcome: { kind: 'test_required', at: 5 },
    });
    const r = await applySnapshot(
      db,
      { cards: [], topics: [topic('8800', { vacancyId: '700', chatId: '9900', created: 50 })] },
      100,
    );
    expect(r.completedJobs).toEqual([w.id]);
    expect(await db.jobs.get(w.id)).toMatchObject({
      state: 'applied',
      reason: null,
      link: null,
      outcome: { kind: 'applied', topicId: '8800', chatId: '9900', at: 50 },
    });
    expect((await db.events.where('jobId').equals(w.id).toArray()).map((e) => [e.type, e.state])).toEqual([
      ['applied', 'applied'],
    ]);
    expect(await db.negotiations.get('8800')).toMatchObject({ jobId: w.id, score: 0.75, appliedAt: 50 });
    // Idempotent: the next sync changes nothing.
    expect(
      (
        await applySnapshot(
          db,
          { cards: [], topics: [topic('8800', { vacancyId: '700', chatId: '9900', created: 50 })] },
          200,
        )
      ).completedJobs,
    ).toEqual([]);
  });

  it('links by topic id, then by vacancy id; keeps the job score and send time', async () => {
    const db = open();
    await addAppliedJob(db, '100', '9001', 0.8, 1_000);
    await addAppliedJob(db, '200', undefined, 0.4, 2_000);
    const r = await applySnapshot(
      db,
      { cards: [card('9001', 'not_viewed'), card('9003', 'viewed')], topics: [topic('9002', { vacancyId: '200' })] },
      10_000,
    );
    expect(r).toMatchObject({ created: 3, updated: 0, linked: 2, changes: [] });
    const [a, b, c] = await db.negotiations.bulkGet(['9001', '9002', '9003']);
    expect(a).toMatchObject({
      jobId: 1,
      score: 0.8,
      appliedAt: 1_000,
      status: 'sent',
      title: 'Job 9001',
      employer: 'Acme',
      viewedAt: null,
    });
    expect(b).toMatchObject({
      jobId: 2,
      score: 0.4,
      appliedAt: 2_000,
      status: 'sent',
      title: 'Vacancy 200',
      vacancyId: '200',
    });
    const today = new Date(10_000);
    today.setHours(0, 0, 0, 0);
    // An unlinked card without a topic: sent «сегодня» = local midnight of the sync day.
    expect(c).toMatchObject({
      jobId: null,
      score: null,
      appliedAt: today.getTime(),
      status: 'viewed',
      viewedAt: 10_000,
    });
  });

  it('records status changes once, stamps milestones and keeps them after archiving', async () => {
    const db = open();
    await applySnapshot(db, { cards: [], topics: [topic('1')] }, 1);
    const same = await applySnapshot(db, { cards: [], topics: [topic('1')] }, 2);
    expect(same).toMatchObject({ created: 0, updated: 0, changes: [] });
    const inv = await applySnapshot(
      db,
      { cards: [], topics: [topic('1', { lastState: 'INVITATION', invited: true })] },
      3,
    );
    expect(inv.changes).toEqual([{ topicId: '1', from: 'sent', to: 'invitation' }]);
    await applySnapshot(db, { cards: [], topics: [topic('1', { archived: true })] }, 4);
    expect(await db.negotiations.get('1')).toMatchObject({
      status: 'archived',
      viewedAt: 3,
      invitedAt: 3,
      archivedAt: 4,
      rejectedAt: null,
      statusChangedAt: 4,
    });
  });

  it('the card says more than a topic without viewedByOpponent; a final topic state wins over the card', async () => {
    const db = open();
    await applySnapshot(
      db,
      {
        cards: [card('1', 'viewed'), card('2', 'not_viewed')],
        topics: [topic('1', { viewedByOpponent: null }), topic('2', { lastState: 'DISCARD' })],
      },
      5,
    );
    expect((await db.negotiations.get('1'))?.status).toBe('viewed');
    expect(await db.negotiations.get('2')).toMatchObject({ status: 'rejection', rejectedAt: 5, viewedAt: 5 });
  });

  it('reports new employer messages once (flag turned on, or more messages while on)', async () => {
    const db = open();
    expect((await applySnapshot(db, { cards: [], topics: [topic('1', { chatId: '77' })] }, 1)).newMessages).toEqual([]);
    expect(
      (
        await applySnapshot(
          db,
          { cards: [], topics: [topic('1', { chatId: '77', hasNewMessages: true, messagesCount: 2 })] },
          2,
        )
      ).newMessages,
    ).toEqual([{ topicId: '1', chatId: '77' }]);
    expect(
      (
        await applySnapshot(
          db,
          { cards: [], topics: [topic('1', { chatId: '77', hasNewMessages: true, messagesCount: 2 })] },
          3,
        )
      ).newMessages,
    ).toEqual([]);
    expect(
      (
        await applySnapshot(
          db,
          { cards: [], topics: [topic('1', { chatId: '77', hasNewMessages: true, messagesCount: 3 })] },
          4,
        )
      ).newMessages,
    ).toHaveLength(1);
  });
});
