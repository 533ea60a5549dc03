import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '../../listing/platform/lean-script-context';
import { ensureScriptToken, SCRIPT_TOKEN_KEY, startedEventType } from './script-token';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('content scripts: "a newer copy started" cannot be sent by the page', () => {
  it('the worker creates one 128-bit token and keeps it', async () => {
    const a = await ensureScriptToken(fakeBrowser.storage.local as never);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(await ensureScriptToken(fakeBrowser.storage.local as never)).toBe(a);
  });

  it("a page's event with WXT's computable name stops nothing; a newer copy of ours does", async () => {
    const token = await ensureScriptToken(fakeBrowser.storage.local as never);
    const old = new ContentScriptContext('hh');
    await tick();
    // What a page script can compute: the extension id (public) and the script name.
    for (const type of [
      `${fakeBrowser.runtime.id}:hh:wxt:content-script-started`,
      'otklik:hh:started',
      `otklik::hh:started`,
    ])
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'hh', messageId: 'page' } }));
    await tick();
    expect(old.signal.aborted).toBe(false);
    // The secret name is what the check hangs on (proves the page's miss is not a dead listener).
    const other = new ContentScriptContext('hh-pages');
    new ContentScriptContext('hh');
    await tick();
    expect(old.signal.aborted).toBe(true);
    expect(other.signal.aborted).toBe(false);
    expect(startedEventType(token, 'hh')).toContain(token);
  });

  it('without a token nothing listens (never a guessable name)', async () => {
    await fakeBrowser.storage.local.remove(SCRIPT_TOKEN_KEY);
    const ctx = new ContentScriptContext('hh');
    await tick();
    document.dispatchEvent(
      new CustomEvent(`${fakeBrowser.runtime.id}:hh:wxt:content-script-started`, {
        detail: { contentScriptName: 'hh', messageId: 'x' },
      }),
    );
    new ContentScriptContext('hh');
    await tick();
    expect(ctx.signal.aborted).toBe(false);
  });
});
