import { describe, expect, it } from 'vitest';
import { requestPageFeatures } from './request';

/** happy-dom: move this window to an URL (hh pages are https://hh.ru/…). */
const go = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('listing script asks for the page-features bundle', () => {
  it('not on a listing; once on a feature page, also reached client-side; never again once loaded', async () => {
    go('https://hh.ru/search/vacancy?text=python');
    const asked: string[] = [];
    const stop = new AbortController();
    requestPageFeatures(stop.signal, async () => {
      asked.push(location.pathname);
      return { loaded: true };
    });
    expect(asked).toEqual([]);
    // hh's router: push the URL, swap the content (the DOM churn is what the watch notices).
    history.pushState({}, '', '/vacancy/123');
    document.body.append(document.createElement('div'));
    await tick(650);
    expect(asked).toEqual(['/vacancy/123']);
    history.pushState({}, '', '/applicant/negotiations');
    document.body.append(document.createElement('div'));
    await tick(650);
    expect(asked).toEqual(['/vacancy/123']);
    stop.abort();
  });

  it('asks again on the next feature page when the worker refused or failed', async () => {
    go('https://hh.ru/vacancy/1');
    let answers = [
      Promise.reject(new Error('worker restarting')),
      Promise.resolve({ loaded: false }),
      Promise.resolve({ loaded: true }),
    ];
    answers[0]!.catch(() => undefined);
    let calls = 0;
    const stop = new AbortController();
    requestPageFeatures(stop.signal, () => {
      calls++;
      const [next, ...rest] = answers;
      answers = rest;
      return next!;
    });
    await tick(10);
    expect(calls).toBe(1);
    for (const path of ['/vacancy/2', '/vacancy/3', '/vacancy/4']) {
      history.pushState({}, '', path);
      document.body.append(document.createElement('div'));
      await tick(650);
    }
    expect(calls).toBe(3);
    stop.abort();
  });
});
