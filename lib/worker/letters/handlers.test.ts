import { afterEach, describe, expect, it } from 'vitest';
import { OtklikDb } from '../db/db';
import { enqueue } from '../queue/enqueue';
import { claimDraft, saveDraft } from './jobs';
import type { LetterProvider } from './provider';
import { ProviderError } from './provider';
import type { GpuCapability } from '../../core/letters/webllm-models';
import { defaultSettings, type Settings } from '../../core/settings/schema';
import { createLetterHandlers, type LetterMessageDeps } from './handlers';

let n = 0;
const dbs: OtklikDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function setup(
  opts: { provider?: LetterProvider; cap?: GpuCapability | Error; settings?: Partial<Settings['letters']> } = {},
) {
  const db = new OtklikDb(`letters-msg-${process.pid}-${++n}`);
  dbs.push(db);
  const s = defaultSettings();
  s.profile.skills = ['Python', 'Django'];
  s.letters = { ...s.letters, provider: 'openai', ...opts.settings };
  const kicks = { drain: 0, letters: 0 };
  const keys: Record<string, { key: string; where: 'session' | 'local' }> = {};
  const downloads: string[] = [];
  const deps: LetterMessageDeps = {
    db: () => db,
    now: () => 5000,
    settings: async () => s,
    kickDrain: () => void kicks.drain++,
    kickLetters: () => void kicks.letters++,
    provider: async () => opts.provider ?? { id: 'openai', complete: async () => 'готово' },
    keys: {
      set: async (p, key, where) => void (key ? (keys[p] = { key, where }) : delete keys[p]),
      location: async (p) => keys[p]?.where ?? null,
      get: async (p) => keys[p]?.key ?? '',
      move: async (where) => void Object.values(keys).forEach((k) => (k.where = where)),
    },
    capability: async () => {
      if (opts.cap instanceof Error) throw opts.cap;
      return opts.cap ?? { webgpu: true, f16: true, maxBufferMB: 4096 };
    },
    cachedModels: async (ids) => Object.fromEntries(ids.map((id) => [id, id.startsWith('Qwen3-1.7B')])),
    startDownload: (id) => void downloads.push(id),
    deleteModel: async (id) => void downloads.push(`delete ${id}`),
    download: () => null,
    lang: () => 'ru',
  };
  return { db, h: createLetterHandlers(deps), kicks, keys, downloads };
}

const HASH = 'd'.repeat(38);
const vacancy = {
  id: '42',
  title: 'Python-разработчик',
  employer: { name: 'ООО Ромашка' },
  url: 'https://hh.ru/vacancy/42',
};

describe('letter messages', () => {
  it('getLetter / updateLetter (re-checked) / approveJob (kicks the drain) on a review job', async () => {
    const { db, h, kicks } = setup();
    const { jobId } = await enqueue(db, { vacancy, resumeHash: HASH, awaitLetter: true }, 1000);
    expect(await h.getLetter({ jobId }, {})).toMatchObject({ jobId, state: 'review', letter: null, status: 'none' });
    await claimDraft(db, jobId, 1100);
    await saveDraft(
      db,
      jobId,
      {
        letter: 'Черновик',
        problems: ['слишком короткое'],
        asks: ['Работодатель просит: «Жираф»'],
        provider: 'openai',
        fallbackReason: null,
        lang: 'ru',
        noDescription: true,
      },
      'review',
      1200,
    );
    expect(await h.getLetter({ jobId }, {})).toMatchObject({
      status: 'ready',
      letter: 'Черновик',
      asks: ['Работодатель просит: «Жираф»'],
      noDescription: true,
      provider: 'openai',
    });
    const edited = await h.updateLetter({ jobId, letter: 'Коротко, с ссылкой https://evil.example' }, {});
    expect(edited.provider).toBe('user');
    expect(edited.problems.join()).toMatch(/ссылки или контакты/);
    expect(await h.approveJob({ jobId, letter: 'Финал' }, {})).toEqual({ ok: true, state: 'pending' });
    expect(kicks.drain).toBe(1);
    expect((await db.jobs.get(jobId))!.letter).toBe('Финал');
    expect(await h.approveJob({ jobId }, {})).toMatchObject({ ok: false });
  });

  it('regenerateLetter drops the draft and kicks the writer', async () => {
    const { db, h, kicks } = setup();
    const { jobId } = await enqueue(db, { vacancy, resumeHash: HASH, awaitLetter: true }, 1000);
    await claimDraft(db, jobId, 1100);
    await saveDraft(
      db,
      jobId,
      {
        letter: 'x',
        problems: [],
        asks: [],
        provider: 'openai',
        fallbackReason: null,
        lang: 'ru',
        noDescription: false,
      },
      'review',
      1200,
    );
    expect(await h.regenerateLetter({ jobId }, {})).toEqual({ ok: true, state: 'review' });
    expect(kicks.letters).toBe(1);
    expect((await db.jobs.get(jobId))!.letter).toBeNull();
  });

  it("testProvider reports the provider's answer or its actionable error", async () => {
    expect(await setup().h.testProvider({}, {})).toEqual({ ok: true, provider: 'openai', sample: 'готово' });
    const failing: LetterProvider = {
      id: 'openai',
      complete: async () =>
        Promise.reject(new ProviderError('auth', 'OpenAI rejected the API key (HTTP 401): check the key')),
    };
    expect(await setup({ provider: failing }).h.testProvider({}, {})).toMatchObject({
      ok: false,
      error: expect.stringMatching(/check the key/),
    });
  });

  it('providerStatus: keys by location and mask; WebGPU models with variant, size and cache; none without WebGPU', async () => {
    const { h, keys } = setup({ settings: { provider: 'webllm' } });
    expect(await h.setApiKey({ provider: 'openai', key: ' sk-abcdef ', storage: 'session' }, {})).toEqual({
      ok: true,
      mask: '••••cdef',
    });
    expect(keys['openai']).toEqual({ key: ' sk-abcdef ', where: 'session' });
    const st = await h.providerStatus({}, {});
    expect(st.key).toMatchObject({ openai: 'session', gigachat: null, gigachatMask: '' });
    expect(st.models.map((m) => [m.key, m.id, m.cached])).toEqual([
      ['qwen3-1.7b', 'Qwen3-1.7B-q4f16_1-MLC', true],
      ['qwen2.5-1.5b', 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', false],
      ['qwen3-4b', 'Qwen3-4B-q4f16_1-MLC', false],
    ]);
    expect(st.models[0]!.downloadMB).toBeGreaterThan(500);
    expect(await h.moveApiKeys({ storage: 'local' }, {})).toEqual({ ok: true });
    expect((await h.providerStatus({}, {})).key.openai).toBe('local');
    const none = await setup({
      settings: { provider: 'webllm' },
      cap: { webgpu: false, f16: false, maxBufferMB: null, reason: 'no adapter' },
    }).h.providerStatus({}, {});
    expect(none.models).toEqual([]);
    expect(none.capability).toMatchObject({ webgpu: false, reason: 'no adapter' });
    const broken = await setup({
      settings: { provider: 'webllm' },
      cap: new Error('this browser has no offscreen documents'),
    }).h.providerStatus({}, {});
    expect(broken.capabilityError).toMatch(/offscreen/);
    // other providers do not wake the GPU host
    expect((await setup().h.providerStatus({}, {})).capability).toBeNull();
  });

  it('downloadModel picks the variant for this GPU', async () => {
    const { h, downloads } = setup({
      settings: { provider: 'webllm' },
      cap: { webgpu: true, f16: false, maxBufferMB: 1024 },
    });
    expect(await h.downloadModel({ key: 'qwen2.5-1.5b' }, {})).toEqual({ started: true });
    expect(downloads).toEqual(['Qwen2.5-1.5B-Instruct-q4f32_1-MLC']);
    expect(await h.deleteModel({ key: 'qwen2.5-1.5b' }, {})).toEqual({ ok: true });
    expect(downloads.at(-1)).toBe('delete Qwen2.5-1.5B-Instruct-q4f32_1-MLC');
  });
});
