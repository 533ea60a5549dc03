/**
 * The local models Otklik offers (WebLLM 0.2.86 prebuilt records), chosen for Russian: Qwen speaks it (Qwen2.5:
 * 29+ languages, Qwen3: 119), Llama‑3.2 / SmolLM2 / Gemma‑2 do not officially. Sizes: `vramMB` from the package's
 * `vram_required_MB`; `downloadMB` is an estimate (~0.55 bytes/parameter for q4 weights + scales, rounded) —
 * shown as "≈" before the user downloads.
 *
 * Each entry has an f16 and an f32 variant: q4f16 needs the WebGPU `shader-f16` feature (several Qwen records
 * do not declare it, so WebLLM would not check), q4f32 runs everywhere but needs more memory.
 */
export interface LocalModel {
  key: string;
  label: { ru: string; en: string };
  f16: { id: string; vramMB: number; downloadMB: number };
  f32: { id: string; vramMB: number; downloadMB: number };
  /** The default of its class. */
  tier: 'lite' | 'default' | 'quality';
}

export const LOCAL_MODELS: readonly LocalModel[] = [
  {
    key: 'qwen3-1.7b',
    tier: 'default',
    label: { ru: 'Qwen3 1.7B — по умолчанию, ~1 ГБ', en: 'Qwen3 1.7B — default, ~1 GB' },
    f16: { id: 'Qwen3-1.7B-q4f16_1-MLC', vramMB: 2037, downloadMB: 1000 },
    f32: { id: 'Qwen3-1.7B-q4f32_1-MLC', vramMB: 2635, downloadMB: 1200 },
  },
  {
    key: 'qwen2.5-1.5b',
    tier: 'lite',
    label: { ru: 'Qwen2.5 1.5B — лёгкая, для встроенной графики', en: 'Qwen2.5 1.5B — lite, for integrated GPUs' },
    f16: { id: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', vramMB: 1630, downloadMB: 750 },
    f32: { id: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC', vramMB: 1889, downloadMB: 900 },
  },
  {
    key: 'qwen3-4b',
    tier: 'quality',
    label: {
      ru: 'Qwen3 4B — качественнее, нужна видеокарта от 4 ГБ',
      en: 'Qwen3 4B — better letters, needs a 4 GB+ GPU',
    },
    f16: { id: 'Qwen3-4B-q4f16_1-MLC', vramMB: 3432, downloadMB: 2200 },
    f32: { id: 'Qwen3-4B-q4f32_1-MLC', vramMB: 4328, downloadMB: 2500 },
  },
];

export const DEFAULT_MODEL_KEY = 'qwen3-1.7b';

export interface GpuCapability {
  webgpu: boolean;
  f16: boolean;
  /** The adapter's maxBufferSize in MB (a rough memory bound; browsers do not report VRAM). */
  maxBufferMB: number | null;
  /** Why there is no WebGPU, for the user. */
  reason?: string;
  adapter?: string;
}

/** The concrete WebLLM model id for this machine. */
export function pickVariant(
  key: string,
  cap: Pick<GpuCapability, 'f16'>,
): { id: string; vramMB: number; downloadMB: number; variant: 'q4f16' | 'q4f32' } {
  const m = LOCAL_MODELS.find((x) => x.key === key) ?? LOCAL_MODELS.find((x) => x.key === DEFAULT_MODEL_KEY)!;
  return cap.f16 ? { ...m.f16, variant: 'q4f16' } : { ...m.f32, variant: 'q4f32' };
}

/**
 * Models the machine can likely run: every buffer of a 4k-context model must fit maxBufferSize; the largest
 * one is a fraction of the total, so a 1 GiB limit passes the small models only.
 */
export function fitsMachine(key: string, cap: GpuCapability): boolean {
  if (!cap.webgpu) return false;
  if (cap.maxBufferMB === null) return true;
  const v = pickVariant(key, cap);
  return cap.maxBufferMB >= (v.vramMB >= 3000 ? 2048 : 1024);
}

/** Minimal WebGPU shapes (no @webgpu/types dependency). */
interface AdapterLike {
  features: { has(f: string): boolean };
  limits: { maxBufferSize?: number };
  info?: { vendor?: string; architecture?: string };
}
export interface GpuLike {
  requestAdapter(opts?: { powerPreference?: string }): Promise<AdapterLike | null>;
}

/** WebGPU present? shader-f16? how large may buffers be? Runs in any page or worker with `navigator.gpu`. */
export async function checkWebGpu(gpu: GpuLike | undefined): Promise<GpuCapability> {
  if (!gpu)
    return {
      webgpu: false,
      f16: false,
      maxBufferMB: null,
      reason: 'this browser has no WebGPU (Chrome 124+ on a machine with a supported GPU is needed)',
    };
  let adapter: AdapterLike | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return {
      webgpu: false,
      f16: false,
      maxBufferMB: null,
      reason: `WebGPU failed: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  if (!adapter)
    return {
      webgpu: false,
      f16: false,
      maxBufferMB: null,
      reason:
        'WebGPU is present but no GPU adapter is available (blocklisted driver, or hardware acceleration is off in Chrome settings)',
    };
  const max = adapter.limits.maxBufferSize;
  const cap: GpuCapability = {
    webgpu: true,
    f16: adapter.features.has('shader-f16'),
    maxBufferMB: typeof max === 'number' ? Math.round(max / 2 ** 20) : null,
  };
  const name = [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' ');
  if (name) cap.adapter = name;
  return cap;
}

/** `https://huggingface.co/mlc-ai/X` → the same path under a mirror base (keeps `<org>/<repo>`; WebLLM appends `resolve/main/`). */
export function mirrorUrl(hfUrl: string, base: string): string {
  if (!base.trim()) return hfUrl;
  const path = new URL(hfUrl).pathname;
  return `${base.trim().replace(/\/+$/, '')}${path}`;
}
