import { ext } from './ext';

/**
 * What `wxt/utils/content-script-context` resolves to in the listing content script's build (wxt.config.ts):
 * the part of WXT's ContentScriptContext that script uses — `signal`, aborted when a newer copy of the same
 * script starts in this document (extension reloaded or updated) — without its location watcher, timers and
 * window.postMessage (~1 KB gzipped in the bundle injected on every hh page). Same event name as WXT's.
 */
export class ContentScriptContext {
  private readonly abortController = new AbortController();
  private readonly id = crypto.randomUUID();

  constructor(contentScriptName: string) {
    const type = `${ext.runtime.id}:${contentScriptName}:wxt:content-script-started`;
    const onStarted = (e: Event) => {
      const d = (e as CustomEvent<{ contentScriptName?: string; messageId?: string } | null>).detail;
      if (d?.contentScriptName === contentScriptName && d.messageId !== this.id) this.abortController.abort('Content script context invalidated');
    };
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId: this.id } }));
    document.addEventListener(type, onStarted);
    this.signal.addEventListener('abort', () => document.removeEventListener(type, onStarted), { once: true });
  }

  get signal(): AbortSignal {
    return this.abortController.signal;
  }
}
