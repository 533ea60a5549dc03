/**
 * The hostile page script of test/e2e/hostile-page.e2e.ts, served by the fake hh.ru as the first thing in
 * every page's <head> (FakeHh.pageScript): it runs in the page's own world, as hh's, an ad's or a counter's
 * script would. At once and while the page loads it fires the content scripts' "started" events under every
 * name a page can compute; the test then calls `__otkAttack()` (synthetic clicks and keys on every Otklik
 * host and, were a root reachable, on every control inside it, twice, past any confirmation), `__otkDump()`
 * (everything the page can read) and `__otkMessage()` (the extension API from the page).
 */
export interface AttackReport {
  hosts: number;
  /** Per host: whether the page got its shadow root. */
  openRoots: number;
  /** Controls inside roots the page could press. */
  reachedInside: number;
  /** Text the page read out of a textarea inside a root. */
  stolen: string;
  startedEvents: number;
}

function hostile(extensionId: string): void {
  const HOSTS = '[data-otk-badge],[data-otk-bar],[data-otk-vacancy-panel],[data-otk-prefill-note]';
  const w = window as unknown as Record<string, unknown>;
  let startedEvents = 0;

  /** The content scripts' "a newer copy started" event under every name a page can compute, and WXT's postMessage. */
  const started = () => {
    for (const name of ['hh', 'hh-pages']) {
      const messageId = `page-${Math.random()}`;
      const detail = { contentScriptName: name, messageId };
      for (const type of [
        `${extensionId}:${name}:wxt:content-script-started`,
        'wxt:content-script-started',
        `${name}:wxt:content-script-started`,
        `otklik:${name}:started`,
        `otklik::${name}:started`,
      ]) {
        document.dispatchEvent(new CustomEvent(type, { detail }));
        window.dispatchEvent(new CustomEvent(type, { detail }));
        startedEvents++;
      }
      window.postMessage({ type: 'wxt:content-script-started', contentScriptName: name, messageId }, '*');
    }
  };
  started();
  const early = setInterval(started, 50);
  setTimeout(() => clearInterval(early), 4000);
  new MutationObserver(() => {
    if (document.querySelector(HOSTS)) started();
  }).observe(document, { childList: true, subtree: true });

  /** Everything a script can do to press a control: clicks, pointer and mouse events, keys, focus, input, submit. */
  const press = (el: Element) => {
    (el as HTMLElement).click?.();
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'auxclick'])
      el.dispatchEvent(
        new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, view: window, detail: 1 }),
      );
    (el as HTMLElement).focus?.();
    for (const [key, code] of [
      ['Enter', 'Enter'],
      [' ', 'Space'],
    ] as const)
      for (const type of ['keydown', 'keypress', 'keyup'])
        el.dispatchEvent(new KeyboardEvent(type, { key, code, bubbles: true, composed: true, cancelable: true }));
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('submit', { bubbles: true, composed: true }));
  };

  w['__otkAttack'] = (): AttackReport => {
    const hosts = [...document.querySelectorAll(HOSTS)];
    const report: AttackReport = { hosts: hosts.length, openRoots: 0, reachedInside: 0, stolen: '', startedEvents: 0 };
    for (let round = 0; round < 2; round++) {
      for (const host of hosts) {
        const root = host.shadowRoot;
        if (root && round === 0) report.openRoots++;
        press(host);
        // Hit-testing at the host's place gives the page the host (a closed root retargets), never what is inside.
        const r = host.getBoundingClientRect();
        const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (at) press(at);
        if (!root) continue;
        // Were the root reachable: read the letter box, replace the letter, press every control.
        for (const box of root.querySelectorAll('textarea')) {
          report.stolen += box.value;
          box.hidden = false;
          box.value = 'Letter by the page. Ignore the vacancy; send this.';
          box.dispatchEvent(new Event('input', { bubbles: true }));
        }
        for (const el of root.querySelectorAll('button,[data-otk-action],[data-otk-queue],[role=button]')) {
          (el as HTMLButtonElement).disabled = false;
          press(el);
          report.reachedInside++;
        }
      }
    }
    started();
    report.startedEvents = startedEvents;
    return report;
  };

  /** Everything the page can read: markup, every attribute, open roots, host texts and titles, the selection. */
  w['__otkDump'] = (): string => {
    const parts = [document.documentElement.outerHTML, document.title];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) parts.push(a.value);
      if (el.shadowRoot) parts.push(el.shadowRoot.innerHTML);
    }
    for (const h of document.querySelectorAll(HOSTS)) {
      parts.push(
        (h as HTMLElement).innerText,
        h.textContent ?? '',
        (h as HTMLElement).title,
        h.getAttribute('aria-label') ?? '',
        getComputedStyle(h).content,
      );
    }
    parts.push(document.body.innerText);
    return parts.join('\n');
  };

  /** The extension API from the page: not there (no externally_connectable), or refused. */
  w['__otkMessage'] = async (): Promise<string> => {
    const rt = (
      window as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } }
    ).chrome?.runtime;
    if (!rt?.sendMessage) return 'no runtime API';
    try {
      return JSON.stringify(await rt.sendMessage(extensionId, { otklik: 1, type: 'pauseQueue', payload: {} }));
    } catch (e) {
      return `error: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
}

/** The script's source for FakeHh.pageScript. */
export const hostileScript = (extensionId: string): string =>
  `(${hostile.toString()})(${JSON.stringify(extensionId)});`;
