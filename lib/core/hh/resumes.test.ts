import { describe, expect, it } from 'vitest';
import { describeWithShared, readSharedFixture } from '../../../test/shared-fixtures';
import { fetchResumes, parseResumesPage, pickDefaultResume } from './resumes';

const FIXTURE = 'fixtures/hh/applicant/hh_resumes_list_block_2026-03.html';

describeWithShared('resumes on the real /applicant/resumes block (2026-03)', () => {
  it('reads hash and title of every card, in page order', () => {
    expect(parseResumesPage(readSharedFixture(FIXTURE))).toEqual([
      { hash: '02020202020202020202020202020202020202', title: 'Frontend-разработчик' },
      { hash: '03030303030303030303030303030303030303', title: 'Backend-разработчик' },
      { hash: '01010101010101010101010101010101010101', title: 'Fullstack-разработчик' },
    ]);
  });
  it('titles are the visible resume titles (no markup, entities decoded)', () => {
    const titles = parseResumesPage(readSharedFixture(FIXTURE)).map((r) => r.title);
    for (const t of titles) expect(t).toMatch(/^[^<>&]{3,120}$/);
  });
});

const state = (resumes: unknown[], latest?: string) =>
  `<html><body><template id="HH-Lux-InitialState">${JSON.stringify({ applicantResumes: resumes, latestResumeHash: latest ?? null }).replace(/"/g, '&#34;')}</template>`;

describe('resumes from the embedded state', () => {
  const r = (hash: string, title: string) => ({
    _attributes: { hash, id: '1', status: 'modified' },
    title: [{ string: title }],
  });

  it('prefers applicantResumes (HTML-escaped JSON) and marks the latest', () => {
    const html =
      state([r('a'.repeat(38), 'Аналитик'), r('b'.repeat(38), 'Frontend')], 'b'.repeat(38)) + '</body></html>';
    expect(parseResumesPage(html)).toEqual([
      { hash: 'a'.repeat(38), title: 'Аналитик' },
      { hash: 'b'.repeat(38), title: 'Frontend', latest: true },
    ]);
  });

  it('fills a missing state title from the card', () => {
    const card = `<a data-qa="resume-card-link-${'c'.repeat(38)}" href="/resume/${'c'.repeat(38)}"><div data-qa="resume-title"><span>Тестировщик &amp; QA</span></div></a>`;
    const html = state([{ _attributes: { hash: 'c'.repeat(38) } }]) + card;
    expect(parseResumesPage(html)).toEqual([{ hash: 'c'.repeat(38), title: 'Тестировщик & QA' }]);
  });

  it('an empty page has no resumes', () => {
    expect(parseResumesPage('<html><body>Нет резюме</body></html>')).toEqual([]);
  });
});

describe('fetchResumes', () => {
  const page = `<a data-qa="resume-card-link-${'d'.repeat(38)}"><div data-qa="resume-title"><span>Dev</span></div></a>`;
  const res = (body: string, url: string, status = 200) => {
    const r = new Response(body, { status, headers: { 'content-type': 'text/html' } });
    Object.defineProperty(r, 'url', { value: url });
    return r;
  };
  it('reads the list with the session cookies', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const out = await fetchResumes(
      (async (u: RequestInfo | URL, init?: RequestInit) => (
        calls.push([String(u), init]),
        res(page, String(u))
      )) as typeof fetch,
    );
    expect(out).toEqual({ ok: true, resumes: [{ hash: 'd'.repeat(38), title: 'Dev' }] });
    expect(calls[0]![0]).toBe('https://hh.ru/applicant/resumes');
    expect(calls[0]![1]?.credentials).toBe('include');
  });
  it('says logged_out when hh redirects to the login page, network on failure', async () => {
    expect(
      await fetchResumes((async () => res('<form>', 'https://hh.ru/account/login?backurl=x')) as typeof fetch),
    ).toMatchObject({ ok: false, error: 'logged_out' });
    expect(
      await fetchResumes((async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch),
    ).toMatchObject({ ok: false, error: 'network' });
    expect(
      await fetchResumes((async () => res('<html></html>', 'https://hh.ru/applicant/resumes')) as typeof fetch),
    ).toMatchObject({ ok: false, error: 'unrecognised' });
  });
});

describe('pickDefaultResume', () => {
  it("takes hh's latest resume, else the first, else none", () => {
    const a = { hash: 'a'.repeat(38), title: 'A', latest: false };
    const b = { hash: 'b'.repeat(38), title: 'B', latest: true };
    expect(pickDefaultResume([a, b])).toBe(b);
    expect(pickDefaultResume([a])).toBe(a);
    expect(pickDefaultResume([])).toBeUndefined();
  });
});
