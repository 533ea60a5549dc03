import { describe, expect, it } from 'vitest';
import type { LlmEngine, LoadProgress } from '../../core/letters/engine';
import { createEngineClient } from './engine-client';
import { createEngineHost } from '../../ext-pages/letters/engine-host';
import type { PortLike } from '../../hh-pages/letters/port-client';
import { ProviderError, type ChatMessage } from './provider';
import { createWebLlmProvider } from './webllm';
import {
  checkWebGpu,
  fitsMachine,
  LOCAL_MODELS,
  mirrorUrl,
  pickVariant,
  type GpuCapability,
} from '../../core/letters/webllm-models';

/** A fake engine implementing LlmEngine: loads with progress, streams a fixed text, can fail or be interrupted. */
function fakeEngine(
  opts: { text?: string; loadError?: Error; chatError?: Error; deltaDelayMs?: number; notCached?: boolean } = {},
) {
  const log: string[] = [];
  let loaded: string | null = null;
  const engine: LlmEngine & { log: string[] } = {
    log,
    loadedModel: () => loaded,
    async load(modelId, o: { modelBaseUrl: string; onProgress?: (p: LoadProgress) => void; signal?: AbortSignal }) {
      log.push(`load ${modelId} from ${o.modelBaseUrl || 'hf'}`);
      for (const f of [0.25, 0.5, 1]) o.onProgress?.({ fraction: f, text: `Fetching param cache ${f * 100}%` });
      if (opts.loadError) throw opts.loadError;
      loaded = modelId;
    },
    async chat(messages: ChatMessage[], o) {
      log.push(`chat ${messages.length} msgs, max ${o.maxTokens}`);
      if (opts.chatError) throw opts.chatError;
      const text = opts.text ?? 'Здравствуйте! Пишу на Python.';
      let out = '';
      for (const piece of text.match(/.{1,5}/gs) ?? []) {
        if (o.signal?.aborted) throw new Error('interrupted');
        if (opts.deltaDelayMs) await new Promise((r) => setTimeout(r, opts.deltaDelayMs));
        out += piece;
        o.onDelta?.(piece);
      }
      return out;
    },
    async unload() {
      log.push('unload');
      loaded = null;
    },
    isCached: async (id) => id === loaded || !opts.notCached,
    async deleteCached(id) {
      log.push(`delete ${id}`);
      if (loaded === id) loaded = null;
    },
  };
  return engine;
}

const F16: GpuCapability = { webgpu: true, f16: true, maxBufferMB: 4096 };
const F32: GpuCapability = { webgpu: true, f16: false, maxBufferMB: 1024 };
const msgs: ChatMessage[] = [{ role: 'user', content: 'письмо' }];

describe('WebLLM capability and model choice', () => {
  it('no navigator.gpu / no adapter → not available, with a reason for the user', async () => {
    expect(await checkWebGpu(undefined)).toMatchObject({ webgpu: false, reason: expect.stringMatching(/no WebGPU/) });
    expect(await checkWebGpu({ requestAdapter: async () => null })).toMatchObject({
      webgpu: false,
      reason: expect.stringMatching(/no GPU adapter/),
    });
  });

  it('shader-f16 → q4f16, without → q4f32 (e.g. SwiftShader); buffer limits', async () => {
    const cap = await checkWebGpu({
      requestAdapter: async () => ({
        features: new Set(['subgroups']),
        limits: { maxBufferSize: 2 ** 30 },
        info: { vendor: 'google', architecture: 'swiftshader' },
      }),
    });
    expect(cap).toEqual({ webgpu: true, f16: false, maxBufferMB: 1024, adapter: 'google swiftshader' });
    expect(pickVariant('qwen3-1.7b', cap)).toMatchObject({ id: 'Qwen3-1.7B-q4f32_1-MLC', variant: 'q4f32' });
    expect(pickVariant('qwen3-1.7b', F16).id).toBe('Qwen3-1.7B-q4f16_1-MLC');
    expect(pickVariant('unknown', F16).id).toBe('Qwen3-1.7B-q4f16_1-MLC');
    expect(fitsMachine('qwen3-4b', cap)).toBe(false);
    expect(fitsMachine('qwen2.5-1.5b', cap)).toBe(true);
  });

  it('every curated model id exists in the pinned @mlc-ai/web-llm prebuilt list', async () => {
    const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
    const known = new Set(prebuiltAppConfig.model_list.map((m) => m.model_id));
    for (const m of LOCAL_MODELS) for (const v of [m.f16, m.f32]) expect(known.has(v.id), v.id).toBe(true);
  });

  it("a mirror keeps Hugging Face's path layout", () => {
    expect(mirrorUrl('https://huggingface.co/mlc-ai/Qwen3-1.7B-q4f16_1-MLC', 'https://hf-mirror.com/')).toBe(
      'https://hf-mirror.com/mlc-ai/Qwen3-1.7B-q4f16_1-MLC',
    );
    expect(mirrorUrl('https://huggingface.co/mlc-ai/X', '')).toBe('https://huggingface.co/mlc-ai/X');
  });
});

describe('WebLLM provider against a fake engine', () => {
  it('loads the variant for this GPU (progress forwarded), then streams', async () => {
    const engine = fakeEngine();
    const progress: number[] = [];
    const deltas: string[] = [];
    const p = createWebLlmProvider({
      engine,
      capability: async () => F32,
      modelKey: 'qwen3-1.7b',
      modelBaseUrl: 'https://mirror.example',
    });
    const text = await p.complete({
      messages: msgs,
      maxTokens: 400,
      temperature: 0.6,
      onProgress: (_t, f) => progress.push(f ?? -1),
      onDelta: (t) => deltas.push(t),
    });
    expect(text).toBe('Здравствуйте! Пишу на Python.');
    expect(deltas.join('')).toBe(text);
    expect(progress).toEqual([0.25, 0.5, 1]);
    expect(engine.log[0]).toBe('load Qwen3-1.7B-q4f32_1-MLC from https://mirror.example');
    await p.complete({ messages: msgs, maxTokens: 400, temperature: 0.6 });
    expect(engine.log.filter((l) => l.startsWith('load'))).toHaveLength(1); // cached in the engine
  });

  it("a model that is not downloaded is never fetched behind the user's back: unavailable, saying where to download", async () => {
    const engine = fakeEngine({ notCached: true });
    const p = createWebLlmProvider({ engine, capability: async () => F16, modelKey: '', modelBaseUrl: '' });
    await expect(p.complete({ messages: msgs, maxTokens: 10, temperature: 0 })).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/not downloaded yet.*Download/),
    });
    expect(engine.log).toEqual([]);
  });

  it('no WebGPU → unavailable, saying to use another provider', async () => {
    const p = createWebLlmProvider({
      engine: fakeEngine(),
      capability: async () => ({ webgpu: false, f16: false, maxBufferMB: null, reason: 'no adapter' }),
      modelKey: '',
      modelBaseUrl: '',
    });
    await expect(p.complete({ messages: msgs, maxTokens: 10, temperature: 0 })).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/API provider or the template/),
    });
  });

  it('engine failures become actionable errors: device lost, out of memory, download failure', async () => {
    const cases: Array<[Error, string, RegExp]> = [
      [new Error('Device was lost'), 'unavailable', /reload the extension/],
      [new Error('GPU out of memory allocating buffer'), 'unavailable', /lite model/],
      [new Error('Failed to fetch'), 'network', /mirror URL/],
    ];
    for (const [err, kind, re] of cases) {
      const p = createWebLlmProvider({
        engine: fakeEngine({ loadError: err }),
        capability: async () => F16,
        modelKey: '',
        modelBaseUrl: '',
      });
      const e = await p.complete({ messages: msgs, maxTokens: 10, temperature: 0 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ProviderError);
      expect(e).toMatchObject({ kind, message: expect.stringMatching(re) });
    }
  });
});

/** Two connected fake ports (runtime.Port semantics: disconnect on one side fires onDisconnect on the other). */
function portPair(): [PortLike, PortLike] {
  type L = Array<(m: unknown) => void>;
  const a = { msg: [] as L, disc: [] as Array<() => void> };
  const b = { msg: [] as L, disc: [] as Array<() => void> };
  let open = true;
  const mk = (me: typeof a, other: typeof a): PortLike => ({
    postMessage: (m) => {
      if (open) queueMicrotask(() => other.msg.forEach((f) => f(structuredClone(m))));
    },
    disconnect: () => {
      if (!open) return;
      open = false;
      queueMicrotask(() => other.disc.forEach((f) => f()));
    },
    onMessage: { addListener: (f) => void me.msg.push(f) },
    onDisconnect: { addListener: (f) => void me.disc.push(f) },
  });
  return [mk(a, b), mk(b, a)];
}

describe('offscreen engine host ↔ background client (engine protocol over ports)', () => {
  function setup(engine = fakeEngine(), cap: GpuCapability = F16) {
    const timers: Array<() => void> = [];
    const host = createEngineHost({
      engine,
      capability: async () => cap,
      idleMs: () => 60_000,
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => undefined,
    });
    const client = createEngineClient(async () => {
      const [bg, off] = portPair();
      host.serve(off);
      return bg;
    });
    return { engine, client, timers };
  }

  it('capability, load with progress, chat streaming, cached state', async () => {
    const { engine, client } = setup(fakeEngine({ notCached: true }));
    expect(await client.capability()).toEqual(F16);
    const prog: number[] = [];
    await client.load('Qwen3-1.7B-q4f16_1-MLC', { modelBaseUrl: '', onProgress: (p) => prog.push(p.fraction) });
    expect(prog).toEqual([0.25, 0.5, 1]);
    const deltas: string[] = [];
    expect(await client.chat(msgs, { maxTokens: 100, temperature: 0.5, onDelta: (t) => deltas.push(t) })).toBe(
      'Здравствуйте! Пишу на Python.',
    );
    expect(deltas.length).toBeGreaterThan(1);
    expect(await client.cached(['Qwen3-1.7B-q4f16_1-MLC', 'other'], '')).toEqual({
      'Qwen3-1.7B-q4f16_1-MLC': true,
      other: false,
    });
    expect(engine.log.filter((l) => l.startsWith('load'))).toHaveLength(1);
  });

  it('the whole provider works through the host; errors cross the port as actionable errors', async () => {
    const { client } = setup(fakeEngine({ chatError: new Error('Device was lost') }));
    const p = createWebLlmProvider({
      engine: client,
      capability: () => client.capability(),
      modelKey: 'qwen2.5-1.5b',
      modelBaseUrl: '',
    });
    await expect(p.complete({ messages: msgs, maxTokens: 10, temperature: 0 })).rejects.toMatchObject({
      kind: 'unavailable',
    });
  });

  it('cancelling (client disconnect) interrupts generation in the host', async () => {
    const engine = fakeEngine({ text: 'x'.repeat(200), deltaDelayMs: 5 });
    const { client } = setup(engine);
    await client.load('M', { modelBaseUrl: '' });
    const ctl = new AbortController();
    let n = 0;
    const r = client.chat(msgs, {
      maxTokens: 100,
      temperature: 0,
      signal: ctl.signal,
      onDelta: () => ++n === 2 && ctl.abort(),
    });
    await expect(r).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((res) => setTimeout(res, 50));
    expect(n).toBeLessThan(10); // the host stopped sending after the disconnect
  });

  it('deletes a downloaded model from the cache (unloading it)', async () => {
    const { engine, client } = setup();
    await client.load('M', { modelBaseUrl: '' });
    await client.deleteCached('M', '');
    expect(engine.log).toContain('delete M');
    expect(engine.loadedModel()).toBeNull();
  });

  it('unloads the model when idle (GPU memory back), and reloads on the next letter', async () => {
    const { engine, client, timers } = setup();
    await client.load('M', { modelBaseUrl: '' });
    expect(engine.loadedModel()).toBe('M');
    timers.at(-1)!();
    await Promise.resolve();
    expect(engine.loadedModel()).toBeNull();
    expect(engine.log).toContain('unload');
    await client.chat(msgs, { maxTokens: 10, temperature: 0 });
    expect(engine.log.filter((l) => l.startsWith('load'))).toHaveLength(2);
  });

  it('a host that drops the first connection unanswered (document still starting) is asked again once', async () => {
    const engine = fakeEngine();
    const host = createEngineHost({
      engine,
      capability: async () => F16,
      idleMs: () => 60_000,
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    let opens = 0;
    const client = createEngineClient(async () => {
      const [bg, off] = portPair();
      if (++opens === 1) setTimeout(() => off.disconnect(), 0);
      else host.serve(off);
      return bg;
    });
    expect(await client.capability()).toEqual(F16);
    expect(opens).toBe(2);
  });
});
