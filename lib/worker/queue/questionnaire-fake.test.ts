// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OtklikDb } from '../db/db';
import { jobEvents } from '../db/jobs';
import { enqueue } from './enqueue';
import { createApplyClient } from '../../core/hh/apply-client';
import { qaItemSchema } from '../../core/negotiations/settings';
import { fakeFetch } from '../../../test/fake-hh/node-fetch';
import { startFakeHh, type FakeHh } from '../../../test/fake-hh/server';
import { DEFAULT_QUEUE_CONFIG, type QueueConfig } from './config';
import { drainOnce } from './drain';
import { checkHistory } from './history';

/**
 * The real drain + apply client against the fake hh.ru with faults on every route (5xx, dropped connections, slow
 * answers that outlive the client's timeout — the request still lands: a lost answer): questionnaire vacancies
 * answered from a full bank and plain ones, mixed. Never two applications for a vacancy, every questionnaire
 * application carries the bank's answers, one send per job, and each job's log explains it.
 */

const item = (x: object) => qaItemSchema.parse(x);
const BANK = [
  item({ kind: 'salary', answer: 'от 180 000 ₽' }),
  item({ kind: 'contacts', answer: '@me' }),
  item({ kind: 'notice', answer: 'через 2 недели' }),
  item({ kind: 'custom', pattern: 'python', answer: '2 года' }),
  item({ kind: 'custom', pattern: 'linux', answer: 'ubuntu' }),
];

describe('questionnaires answered by the queue against a misbehaving fake hh.ru', () => {
  let fake: FakeHh;
  beforeAll(async () => {
    fake = await startFakeHh({ port: 0, quiet: true, vacancies: 3000 });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('never twice, answers always complete, one send per job', async () => {
    const db = new OtklikDb(`otklik-questionnaire-fake-${process.pid}`);
    try {
      const kinds = fake.vacancyKinds();
      const tests = kinds.hasTest.slice(0, 8);
      const plain = kinds.normal.slice(0, 6);
      const ids = tests.flatMap((t, i) => (plain[i] !== undefined ? [t, plain[i]!] : [t]));
      const resume = fake.resumes[0]!.hash;
      for (const [i, id] of ids.entries())
        await enqueue(
          db,
          {
            vacancy: {
              id: String(id),
              title: `V ${id}`,
              employer: { name: `E ${id}` },
              url: `https://hh.ru/vacancy/${id}`,
            },
            resumeHash: resume,
            source: 'listing',
          },
          1_000 + i,
        );

      const jar = new Map(fake.cookies().map((c) => [c.name, c.value]));
      const client = createApplyClient({
        fetch: fakeFetch(fake, jar),
        readCookie: async (_u, name) => jar.get(name) ?? null,
        timeoutMs: 300,
      });
      const config: QueueConfig = {
        ...DEFAULT_QUEUE_CONFIG,
        pacingMs: { min: 0, max: 0 },
        leaseMs: 5_000,
        retry: { baseMs: 10, maxMs: 20, maxTransientFailures: 50 },
        questionnaire: { auto: true, bank: BANK },
        minutesOfDay: () => 12 * 60,
      };
      fake.behave({ status5xx: 0.12, dropConnection: 0.08, slowMs: [0, 450], scope: 'all' });
      // A virtual clock that jumps over backoff waits (requests themselves run in real time).
      let offset = 0;
      const now = () => Date.now() + offset;
      for (let step = 0; step < 600; step++) {
        const r = await drainOnce({ db, client, now, random: Math.random, owner: 'w' }, config);
        if (r.kind === 'worked') continue;
        if (r.kind === 'idle' && r.wakeAt === null) break;
        if ('wakeAt' in r && r.wakeAt !== null) offset += Math.max(1, r.wakeAt - now());
      }
      fake.behave({ status5xx: 0, dropConnection: 0, slowMs: 0 });
      // Let requests still sleeping in the fake (answers we gave up on) land before counting.
      await new Promise((res) => setTimeout(res, 600));

      const jobs = await db.jobs.toArray();
      expect(jobs.map((j) => j.state)).toEqual(ids.map(() => 'applied'));
      for (const id of ids)
        expect(
          fake.applications.filter((a) => a.vacancyId === id),
          `vacancy ${id}`,
        ).toHaveLength(1);
      for (const id of tests)
        expect(fake.applications.find((a) => a.vacancyId === id)!.testAnswers!.map((a) => a.answer)).toEqual([
          '2 года',
          'от 180 000 ₽; @me',
          'через 2 недели',
          'ubuntu',
        ]);
      expect(await db.sends.count()).toBe(ids.length);
      for (const j of jobs) expect(checkHistory(j, await jobEvents(db, j.id)), `job ${j.vacancyId}`).toEqual([]);
      // The faults did happen (the test is not vacuous).
      expect(fake.requests.filter((r) => r.fault !== null).length).toBeGreaterThan(3);
    } finally {
      await db.delete();
    }
  }, 120_000);
});
