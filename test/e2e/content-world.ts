import type { Page } from 'playwright-core';

/**
 * Runs code in Otklik's content-script world of a page (the isolated world its content scripts share, with
 * their chrome.runtime and chrome.storage), found over DevTools: what a compromised content-script context
 * could do. Resolves with the expression's JSON value.
 */
export async function inContentWorld(
  page: Page,
  extensionId: string,
): Promise<(expression: string) => Promise<unknown>> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: {
    id: number;
    origin: string;
    name: string;
    auxData?: { type?: string; isDefault?: boolean; frameId?: string };
  }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as (typeof contexts)[number]));
  cdp.on('Runtime.executionContextsCleared', () => void contexts.splice(0));
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const mainFrame = frameTree.frame.id;
  const find = () =>
    contexts.find(
      (c) =>
        c.auxData?.type === 'isolated' &&
        c.auxData.frameId === mainFrame &&
        c.origin.startsWith(`chrome-extension://${extensionId}`),
    );
  for (let i = 0; i < 100 && !find(); i++) await new Promise((r) => setTimeout(r, 50));
  const ctx = find();
  if (!ctx)
    throw new Error(
      `no content-script world of ${extensionId} in ${page.url()} (contexts: ${contexts.map((c) => `${c.auxData?.type}:${c.origin}`).join(', ')})`,
    );
  return async (expression) => {
    const r = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: ctx.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  };
}
