import { browser } from '#imports';

/**
 * chrome.offscreen (Chrome 109+, MV3 only; Firefox has none): the one place that touches it. The API is not in
 * webextension-polyfill's types, so it is reached through a typed view of `browser`.
 */
interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}
interface RuntimeWithContexts {
  getContexts?: (filter: { contextTypes: string[]; documentUrls?: string[] }) => Promise<unknown[]>;
}

function api(): OffscreenApi | undefined {
  return (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
}

let creating: Promise<void> | null = null;

async function exists(url: string): Promise<boolean> {
  const rt = browser.runtime as unknown as RuntimeWithContexts;
  if (rt.getContexts)
    return (await rt.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })).length > 0;
  return (await api()?.hasDocument?.()) ?? false;
}

/** Creates the offscreen document once (concurrent callers share the creation). */
export async function ensureOffscreenDocument(path: string, reasons: string[], justification: string): Promise<void> {
  const off = api();
  if (!off)
    throw new Error('this browser has no offscreen documents (Chrome only): local models are not available here');
  const url = (browser.runtime.getURL as (p: string) => string)(path);
  if (await exists(url)) return;
  creating ??= off.createDocument({ url, reasons, justification }).finally(() => {
    creating = null;
  });
  await creating;
}
