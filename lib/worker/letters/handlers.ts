import type { OtklikDb } from '../db/db';
import type { Job } from '../../core/db/schema';
import { maskKey, type KeyProvider, type KeyStorage } from '../../core/letters/keys';
import { approveJob, resetDraft, updateLetter } from './jobs';
import type { LetterProvider } from './provider';
import { cleanVacancyText } from './vacancy-text';
import { validateLetter } from './validate';
import { fitsMachine, LOCAL_MODELS, pickVariant, type GpuCapability } from '../../core/letters/webllm-models';
import type { LetterView, ProviderStatus, letterMessages } from '../../core/messaging/protocol';
import type { Handlers } from '../../core/messaging/router';
import type { Settings } from '../../core/settings/schema';
import type { Lang } from '../../core/i18n/lang';

/** What the letter handlers need; injected so they are tested without a worker. */
export interface LetterMessageDeps {
  db: () => OtklikDb;
  now: () => number;
  settings: () => Promise<Settings>;
  /** A job is ready to send. */
  kickDrain: () => void;
  /** Drafts to write. */
  kickLetters: () => void;
  provider: (s: Settings) => Promise<LetterProvider>;
  keys: {
    set(p: KeyProvider, key: string, where: KeyStorage): Promise<void>;
    location(p: KeyProvider): Promise<KeyStorage | null>;
    get(p: KeyProvider): Promise<string>;
    move(where: KeyStorage): Promise<void>;
  };
  /** WebLLM host (offscreen document). */
  capability: () => Promise<GpuCapability>;
  cachedModels: (ids: string[], base: string) => Promise<Record<string, boolean>>;
  startDownload: (modelId: string, base: string) => void;
  deleteModel: (modelId: string, base: string) => Promise<void>;
  download: () => ProviderStatus['download'];
  lang: () => Lang;
}

export function letterView(job: Job): LetterView {
  const d = job.letterDraft;
  return {
    jobId: job.id,
    state: job.state,
    title: job.vacancy.title,
    employer: job.vacancy.employer?.name ?? null,
    url: job.vacancy.url,
    letter: job.letter,
    status: d ? d.status : job.letter === null ? 'none' : 'ready',
    problems: d?.problems ?? [],
    asks: d?.asks ?? [],
    provider: d?.provider ?? null,
    fallbackReason: d?.fallbackReason ?? null,
    error: d?.error ?? null,
    reason: job.reason,
    noDescription: d?.noDescription ?? false,
  };
}

export function createLetterHandlers(deps: LetterMessageDeps): Handlers<typeof letterMessages> {
  const getJob = async (jobId: number) => {
    const job = await deps.db().jobs.get(jobId);
    if (!job) throw new Error(`no job ${jobId}`);
    return job;
  };
  return {
    getLetter: async ({ jobId }) => letterView(await getJob(jobId)),
    updateLetter: async ({ jobId, letter }) => {
      const job = await getJob(jobId);
      const s = await deps.settings();
      const lang = job.letterDraft?.lang ?? 'ru';
      // The user's own text is checked too (shown, never blocking): an empty letter is a choice, not a problem;
      // contacts or a salary the user typed in are theirs to send (the privacy guard is about model output).
      const problems =
        letter.trim() === ''
          ? []
          : validateLetter(letter, {
              lang,
              profileText: [s.profile.desiredTitles.join(', '), s.profile.skills.join(', '), s.profile.resumeText].join(
                '\n',
              ),
              asks: [],
              vacancyTitle: job.vacancy.title,
              ...(job.vacancy.employer ? { employer: job.vacancy.employer.name } : {}),
              privacy: { contacts: true, salary: true },
            });
      const r = await updateLetter(deps.db(), jobId, letter, problems, deps.now());
      if (!r.ok) throw new Error(r.error);
      return letterView(await getJob(jobId));
    },
    approveJob: async ({ jobId, letter }) => {
      const r = await approveJob(deps.db(), jobId, letter, deps.now());
      if (r.ok) deps.kickDrain();
      return r.ok
        ? { ok: true, state: r.state }
        : { ok: false, error: r.error, ...(r.state ? { state: r.state } : {}) };
    },
    regenerateLetter: async ({ jobId }) => {
      const r = await resetDraft(deps.db(), jobId, deps.now());
      if (r.ok) deps.kickLetters();
      return r.ok
        ? { ok: true, state: r.state }
        : { ok: false, error: r.error, ...(r.state ? { state: r.state } : {}) };
    },
    testProvider: async () => {
      const s = await deps.settings();
      const ru = deps.lang() === 'ru';
      try {
        const p = await deps.provider(s);
        const sample = await p.complete({
          messages: [{ role: 'user', content: ru ? 'Ответь одним словом: готово' : 'Answer with one word: ready' }],
          maxTokens: 12,
          temperature: 0,
          signal: AbortSignal.timeout(120_000),
        });
        return { ok: true, provider: p.id, sample: cleanVacancyText(sample, 200).text };
      } catch (e) {
        return { ok: false, provider: s.letters.provider, error: e instanceof Error ? e.message : String(e) };
      }
    },
    providerStatus: async ({ checkGpu }) => {
      const s = await deps.settings();
      const [ok, gk] = [await deps.keys.get('openai'), await deps.keys.get('gigachat')];
      let capability: GpuCapability | null = null;
      let capabilityError: string | null = null;
      let models: ProviderStatus['models'] = [];
      if (checkGpu || s.letters.provider === 'webllm') {
        try {
          capability = await deps.capability();
          const cap = capability;
          // No WebGPU: no model list (the UI says why and offers the other providers).
          const variants = !cap.webgpu ? [] : LOCAL_MODELS.map((m) => ({ m, v: pickVariant(m.key, cap) }));
          const cached = cap.webgpu
            ? await deps
                .cachedModels(
                  variants.map((x) => x.v.id),
                  s.letters.webllm.modelBaseUrl,
                )
                .catch(() => ({}) as Record<string, boolean>)
            : {};
          models = variants.map(({ m, v }) => ({
            key: m.key,
            label: m.label[deps.lang()],
            tier: m.tier,
            id: v.id,
            variant: v.variant,
            downloadMB: v.downloadMB,
            vramMB: v.vramMB,
            cached: cached[v.id] ?? false,
            fits: fitsMachine(m.key, cap),
          }));
        } catch (e) {
          capabilityError = e instanceof Error ? e.message : String(e);
        }
      }
      const cap: ProviderStatus['capability'] = capability
        ? {
            webgpu: capability.webgpu,
            f16: capability.f16,
            maxBufferMB: capability.maxBufferMB,
            ...(capability.reason ? { reason: capability.reason } : {}),
            ...(capability.adapter ? { adapter: capability.adapter } : {}),
          }
        : null;
      return {
        provider: s.letters.provider,
        key: {
          openai: await deps.keys.location('openai'),
          gigachat: await deps.keys.location('gigachat'),
          openaiMask: maskKey(ok),
          gigachatMask: maskKey(gk),
        },
        capability: cap,
        capabilityError,
        models,
        download: deps.download(),
      };
    },
    downloadModel: async ({ key }) => {
      const s = await deps.settings();
      try {
        const cap = await deps.capability();
        if (!cap.webgpu) return { started: false, error: cap.reason ?? 'no WebGPU' };
        const v = pickVariant(key ?? s.letters.webllm.model, cap);
        deps.startDownload(v.id, s.letters.webllm.modelBaseUrl);
        return { started: true };
      } catch (e) {
        return { started: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
    deleteModel: async ({ key }) => {
      const s = await deps.settings();
      try {
        const cap = await deps.capability();
        await deps.deleteModel(pickVariant(key, cap).id, s.letters.webllm.modelBaseUrl);
        return { ok: true };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
    setApiKey: async ({ provider, key, storage }) => {
      await deps.keys.set(provider, key, storage);
      return { ok: true, mask: maskKey(key.trim()) };
    },
    moveApiKeys: async ({ storage }) => {
      await deps.keys.move(storage);
      return { ok: true };
    },
  };
}
