// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OtklikDb } from '../db/db';
import { enqueue } from './enqueue';
import { createApplyClient } from '../../core/hh/apply-client';
import { fetchVacancyFacts } from '../../core/hh/vacancy-facts';
import { fakeFetch } from '../../../test/fake-hh/node-fetch';
import { startFakeHh, type FakeHh } from '../../../test/fake-hh/server';
import { DEFAULT_QUEUE_CONFIG, type QueueConfig } from './config';
import { drainUntilWait } from './drain';

/** The worker's vacancy check against the fake hh.ru's vacancy pages (both state layouts), then the real drain. */
describe("employer identity from hh's vacancy page (fake hh.ru)", () => {
  let fake: FakeHh;
  beforeAll(async () => {
    fake = await startFakeHh({ port: 0, quiet: true, vacancies: 400 });
  });
  afterAll(async () => {
    await fake?.close();
  });

  const clientFor = () => {
    const jar = new Map(fake.cookies().map((c) => [c.name, c.value]));
    return createApplyClient({
      fetch: fakeFetch(fake, jar),
      readCookie: async (_u, name) => jar.get(name) ?? null,
      timeoutMs: 5_000,
    });
  };

  it("reads every vacancy's employer as hh has it (magritte and classic states)", async () => {
    const client = clientFor();
    const ids = fake.vacancyKinds().normal.slice(0, 12);
    for (const id of ids) {
      const read = await fetchVacancyFacts(client.getPage!, 'https://hh.ru', String(id));
      const v = fake.vacancy(id)!;
      expect(read).toMatchObject({
        kind: 'facts',
        facts: {
          id: String(id),
          employer: v.employer ? { id: String(v.employer.id), name: v.employer.name } : null,
          source: 'state',
        },
      });
    }
    expect(await fetchVacancyFacts(client.getPage!, 'https://hh.ru', '999999999')).toMatchObject({
      kind: 'outcome',
      outcome: { kind: 'vacancy_gone' },
    });
  });

  it('a forged card is refused, a blacklisted employer hidden behind a card without one is refused, an honest card applies', async () => {
    const db = new OtklikDb(`otklik-verify-fake-${process.pid}`);
    try {
      const withEmployer = fake
        .vacancyKinds()
        .normal.filter((id) => fake.vacancy(id)?.employer)
        .slice(0, 3);
      const [honest, forged, hidden] = withEmployer.map((id) => fake.vacancy(id)!);
      const resume = fake.resumes[0]!.hash;
      const card = (v: typeof honest, employer: { id?: string; name: string } | null) => ({
        id: String(v!.id),
        title: v!.name,
        employer,
        url: `https://hh.ru/vacancy/${v!.id}`,
      });
      await enqueue(
        db,
        {
          vacancy: card(honest, { id: String(honest!.employer!.id), name: honest!.employer!.name }),
          resumeHash: resume,
        },
        1_000,
      );
      await enqueue(
        db,
        { vacancy: card(forged, { id: '1', name: 'Совсем другая компания' }), resumeHash: resume },
        1_001,
      );
      await enqueue(db, { vacancy: card(hidden, null), resumeHash: resume }, 1_002);
      const config: QueueConfig = {
        ...DEFAULT_QUEUE_CONFIG,
        pacingMs: { min: 0, max: 0 },
        leaseMs: 30_000,
        requestTimeoutMs: 5_000,
        blacklist: [{ id: String(hidden!.employer!.id), name: 'x' }],
      };
      let t = 10_000;
      const sum = await drainUntilWait(
        { db, client: clientFor(), now: () => (t += 100), random: () => 0.5, owner: 'w', verifyVacancy: true },
        config,
        { maxJobs: 10, maxMs: 1e9 },
      );
      expect(
        sum.steps.map((s) => (s.kind === 'refused' ? s.reason : s.kind === 'worked' ? s.outcome.kind : s.kind)),
      ).toEqual(['applied', 'page_mismatch', 'blacklisted', 'idle']);
      expect(fake.applications.map((a) => a.vacancyId)).toEqual([honest!.id]);
    } finally {
      await db.delete();
    }
  });
});
