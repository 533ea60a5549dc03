import { describe, expect, it } from 'vitest';
import type { OtklikDb } from '../db/db';
import { jobEvents } from '../db/jobs';
import { enqueue } from './enqueue';
import type { ApplyClient } from '../../core/hh/apply-client';
import { claimNext } from './claim';
import { measureJump, observeClock } from './clock';
import { DEFAULT_QUEUE_CONFIG, type QueueConfig } from './config';
import { drainOnce, type DrainDeps, type StepResult } from './drain';
import { checkHistory } from './history';
import { readPause, setPause } from './pause';
import { useFreshDbs } from '../../../test/fresh-db';

const freshDb = useFreshDbs('otklik-clock-test');
const HASH = 'f'.repeat(38);
const T0 = Date.UTC(2026, 10, 2, 12, 0, 0);
const H = 3600_000;
const config = (over: Partial<QueueConfig> = {}): QueueConfig => ({
  ...DEFAULT_QUEUE_CONFIG,
  minutesOfDay: () => 12 * 60,
  ...over,
});

/** Injected clocks: `real` is the time that really passes; `offset` is what someone did to the wall clock. */
function clocks() {
  const c = { real: 0, offset: 0 };
  return { c, wall: () => T0 + c.real + c.offset, mono: () => 1_000 + c.real };
}

function drainer(db: OtklikDb, k: ReturnType<typeof clocks>, cfg: QueueConfig) {
  const posted: string[] = [];
  const client: ApplyClient = { apply: async (req) => (posted.push(req.vacancyId), { kind: 'applied', status: 200 }) };
  let owner = 'life-1';
  const deps = (): DrainDeps => ({ db, client, now: k.wall, mono: k.mono, random: () => 0.5, owner });
  return {
    posted,
    step: (): Promise<StepResult> => drainOnce(deps(), cfg),
    restart: () => void (owner = `life-${Number(owner.slice(5)) + 1}`),
  };
}

async function seed(db: OtklikDb, n: number, at: number): Promise<void> {
  for (let i = 1; i <= n; i++)
    await enqueue(
      db,
      {
        vacancy: { id: String(i), title: `J${i}`, employer: null, url: `https://hh.ru/vacancy/${i}` },
        resumeHash: HASH,
      },
      at,
    );
}

describe('measureJump', () => {
  it('same life: wall minus monotonic elapsed; another life: only a wall clock that went back', () => {
    expect(measureJump(null, { wall: 5, mono: 5, life: 'a' })).toBe(0);
    expect(measureJump({ wall: 1000, mono: 10, life: 'a' }, { wall: 2000, mono: 1010, life: 'a' })).toBe(0);
    expect(
      measureJump({ wall: 1000, mono: 10, life: 'a' }, { wall: 1000 - 3 * H + 60_000, mono: 60_010, life: 'a' }),
    ).toBe(-3 * H);
    expect(
      measureJump({ wall: 1000, mono: 10, life: 'a' }, { wall: 1000 + 25 * H + 5_000, mono: 5_010, life: 'a' }),
    ).toBe(25 * H);
    expect(measureJump({ wall: 1000, mono: 10, life: 'a' }, { wall: 1000 - H, mono: 3, life: 'b' })).toBe(-H);
    expect(measureJump({ wall: 1000, mono: 10, life: 'a' }, { wall: 1000 + 25 * H, mono: 3, life: 'b' })).toBe(0);
  });
});

describe('the wall clock set back 3 h', () => {
  it('pacing, retries and the next job wait their real time, not 3 h more (same worker life)', async () => {
    const db = freshDb();
    const k = clocks();
    await seed(db, 3, T0);
    const d = drainer(db, k, config());
    expect(await d.step()).toMatchObject({ kind: 'worked', outcome: { kind: 'applied' } }); // pacing gap 60 s from here
    k.c.real += 5_000;
    k.c.offset = -3 * H;
    k.c.real += 30_000;
    expect(await d.step()).toMatchObject({ kind: 'pacing', wakeAt: k.wall() + 25_000 });
    k.c.real += 25_000;
    expect(await d.step()).toMatchObject({ kind: 'worked', job: { vacancyId: '2' } });
    expect(d.posted).toEqual(['1', '2']);
    // The log still reads forward in time, and the send log is where the cap needs it.
    const job = (await db.jobs.get(1))!;
    expect(checkHistory(job, await jobEvents(db, 1))).toEqual([]);
    const sends = await db.sends.toArray();
    expect(sends.every((s) => s.at <= k.wall())).toBe(true);
  });

  it('a lease of a worker that died is recovered in real time, also when the next worker wakes after the change', async () => {
    const db = freshDb();
    const k = clocks();
    await seed(db, 1, T0);
    const d = drainer(db, k, config({ pacingMs: { min: 0, max: 0 } }));
    await observeClock(db, { wall: k.wall(), mono: k.mono(), life: 'life-1' });
    const claim = await claimNext(db, {
      now: k.wall(),
      owner: 'life-1',
      random: () => 0.5,
      config: config({ pacingMs: { min: 0, max: 0 } }),
    });
    expect(claim.kind).toBe('claimed');
    // The worker dies mid-request; the clock is set back 3 h; a new worker wakes 100 s later (real).
    k.c.offset = -3 * H;
    k.c.real += 100_000;
    d.restart();
    // Between two lives no monotonic clock says how long the pause was: taken as none, so the lease has its
    // full length left — 90 s, not 3 h.
    expect(await d.step()).toMatchObject({ kind: 'busy', wakeAt: k.wall() + 90_000 });
    k.c.real += 90_000;
    expect(await d.step()).toMatchObject({ kind: 'worked', recovered: true, job: { state: 'applied' } });
  });

  it('a timed pause (daily limit) ends when it should; a send "in the future" counts from now', async () => {
    const db = freshDb();
    const k = clocks();
    await seed(db, 1, T0);
    await observeClock(db, { wall: k.wall(), mono: k.mono(), life: 'life-1' });
    await setPause(db, { reason: 'daily_limit', message: 'm', since: T0, until: T0 + 30 * 60_000 });
    await db.sends.add({ at: T0, jobId: 99, vacancyId: '99', confirmed: true });
    k.c.offset = -3 * H;
    k.c.real += 10 * 60_000;
    const d = drainer(db, k, config());
    expect(await d.step()).toMatchObject({ kind: 'paused', wakeAt: k.wall() + 20 * 60_000 });
    expect(await readPause(db)).toMatchObject({ until: k.wall() + 20 * 60_000 });
    // The send was 10 min ago in real time: never moved earlier than now (counted 24 h from now at worst).
    expect((await db.sends.get(1))!.at).toBe(k.wall());
  });
});

describe('the wall clock set forward 25 h', () => {
  it('a cap of 3 sends 3 in 24 real hours, not 6 within a real minute', async () => {
    const db = freshDb();
    const k = clocks();
    await seed(db, 6, T0);
    const cfg = config({ dailyCap: 3, pacingMs: { min: 0, max: 0 } });
    const d = drainer(db, k, cfg);
    for (let i = 0; i < 3; i++) {
      await d.step();
      k.c.real += 1_000;
    }
    expect(await d.step()).toMatchObject({ kind: 'capped', used: 3 });
    k.c.offset = 25 * H;
    for (let i = 0; i < 6; i++) {
      k.c.real += 5_000;
      expect(await d.step()).toMatchObject({ kind: 'capped', used: 3, cap: 3 });
    }
    expect(d.posted).toEqual(['1', '2', '3']);
    // A real day later the window frees up.
    k.c.real += 24 * H;
    expect(await d.step()).toMatchObject({ kind: 'worked', job: { vacancyId: '4' } });
  });

  it('pacing and leases hold their real length; a job queued after the change is due at once', async () => {
    const db = freshDb();
    const k = clocks();
    await seed(db, 1, T0);
    const d = drainer(db, k, config());
    await d.step(); // job 1 sent; next POST not before real +60 s
    k.c.real += 10_000;
    k.c.offset = 25 * H;
    // Queued from a page after the change (the new clock): must not be pushed another 25 h out.
    await enqueue(
      db,
      { vacancy: { id: '7', title: 'J7', employer: null, url: 'https://hh.ru/vacancy/7' }, resumeHash: HASH },
      k.wall(),
    );
    k.c.real += 10_000;
    expect(await d.step()).toMatchObject({ kind: 'pacing', wakeAt: k.wall() + 40_000 });
    k.c.real += 40_000;
    expect(await d.step()).toMatchObject({ kind: 'worked', job: { vacancyId: '7' } });
  });
});
