import { ext } from './ext';
import { isScriptToken, SCRIPT_TOKEN_KEY, startedEventType } from '../../core/platform/script-token';

/**
 * What `wxt/utils/content-script-context` resolves to in the content scripts' build (wxt.config.ts): the part
 * of WXT's ContentScriptContext they use — `signal`, aborted when a newer copy of the same script starts in
 * this document (extension reloaded or updated) — without its location watcher, timers and window.postMessage
 * (bytes in the bundle injected on every hh page).
 *
 * Unlike WXT's, the "started" event's name is not computable by the page: it carries a per-install secret from
 * extension storage (./script-token.ts). With WXT's name (`<extension id>:<script>:wxt:content-script-started`)
 * any page script could dispatch it and switch triage off.
 */
export class ContentScriptContext {
  private readonly abortController = new AbortController();
  private readonly id = crypto.randomUUID();

  constructor(contentScriptName: string) {
    ext.storage.local.get(SCRIPT_TOKEN_KEY).then(
      (got) => {
        const token = got[SCRIPT_TOKEN_KEY];
        // No token yet (the worker writes it on its first start): this copy cannot be told apart, and stops
        // nothing; a later copy falls back to the same. Never a name the page could guess.
        if (!isScriptToken(token) || this.signal.aborted) return;
        const type = startedEventType(token, contentScriptName);
        const onStarted = (e: Event) => {
          const d = (e as CustomEvent<{ messageId?: string } | null>).detail;
          if (d?.messageId !== this.id) this.abortController.abort('Content script context invalidated');
        };
        document.dispatchEvent(new CustomEvent(type, { detail: { messageId: this.id } }));
        document.addEventListener(type, onStarted);
        this.signal.addEventListener('abort', () => document.removeEventListener(type, onStarted), { once: true });
      },
      () => undefined, // extension context gone (reloaded): nothing to coordinate
    );
  }

  get signal(): AbortSignal {
    return this.abortController.signal;
  }
}
