import type { CDPSession, Page } from 'playwright-core';

/**
 * Otklik's UI in hh pages lives in closed shadow roots and acts only on trusted events, so neither a page
 * script nor Playwright's selectors (which pierce open roots only) reach it. The tests use what a user has:
 * DevTools' view of the DOM (CDP pierces closed roots) to find a control, and a real mouse click or key press
 * at its place on screen.
 */
export interface ClosedRoots {
  /** Runs `fn` with the closed root of the nth host matching `host` (in the page's main world, via DevTools). */
  eval<T, A = undefined>(host: string, fn: (root: ShadowRoot, arg: A) => T, arg?: A, nth?: number): Promise<T>;
  /** textContent of the element `inner` in the nth host's root (null when absent; the root's text with no inner). */
  text(host: string, inner?: string, nth?: number): Promise<string | null>;
  /** A real (trusted) mouse click on the centre of `inner` in the nth host's root. */
  click(host: string, inner: string, nth?: number): Promise<void>;
  /** Focuses `inner` (as Tab would) and presses a real key on it: keyboard activation. */
  press(host: string, inner: string, key: string, nth?: number): Promise<void>;
  /** Number of hosts matching `host`. */
  count(host: string): Promise<number>;
}

const sessions = new WeakMap<Page, Promise<ClosedRoots>>();

/** One DevTools session per page, made on first use. */
export function closedRoots(page: Page): Promise<ClosedRoots> {
  let s = sessions.get(page);
  if (!s) sessions.set(page, (s = open(page)));
  return s;
}

async function open(page: Page): Promise<ClosedRoots> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  const rootObject = async (host: string, nth: number): Promise<string> => {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: host });
    const id = nodeIds[nth];
    if (id === undefined) throw new Error(`no host ${host} #${nth} (${nodeIds.length} found)`);
    const { node } = await cdp.send('DOM.describeNode', { nodeId: id, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) throw new Error(`${host} #${nth} has no shadow root`);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (!object.objectId) throw new Error(`${host} #${nth}: shadow root not resolvable`);
    return object.objectId;
  };
  const evalIn = async <T, A>(host: string, fn: (root: ShadowRoot, arg: A) => T, arg?: A, nth = 0): Promise<T> => {
    const objectId = await rootObject(host, nth);
    const r = await cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (r.exceptionDetails)
      throw new Error(`in ${host}: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    await cdp.send('Runtime.releaseObject', { objectId }).catch(() => undefined);
    return r.result.value as T;
  };
  return {
    eval: evalIn,
    text: (host, inner, nth = 0) =>
      evalIn(
        host,
        (root, sel: string | null) => (sel ? (root.querySelector(sel)?.textContent ?? null) : root.textContent),
        inner ?? null,
        nth,
      ),
    async click(host, inner, nth = 0) {
      const box = await evalIn(
        host,
        (root, sel: string) => {
          const el = root.querySelector(sel);
          if (!el) return null;
          el.scrollIntoView({ block: 'center', inline: 'center' });
          const r = el.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height };
        },
        inner,
        nth,
      );
      if (!box || !box.w || !box.h) throw new Error(`${host} #${nth}: ${inner} not found or not visible`);
      await page.mouse.click(box.x, box.y);
    },
    async press(host, inner, key, nth = 0) {
      const focused = await evalIn(
        host,
        (root, sel: string) => {
          const el = root.querySelector<HTMLElement>(sel);
          el?.focus();
          return !!el && root.activeElement === el;
        },
        inner,
        nth,
      );
      if (!focused) throw new Error(`${host} #${nth}: ${inner} not found or not focusable`);
      await page.keyboard.press(key);
    },
    async count(host) {
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      return (await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: host })).nodeIds.length;
    },
  };
}
