// @vitest-environment node
import https from 'node:https';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cardSalaryHtml } from '../fake-hh/format.ts';
import { extractInitialState, startFakeHh, type FakeHh } from '../fake-hh/server.ts';
import { describeWithRealVacancies } from '../shared-fixtures.ts';
import { listingStateFromText, stateTextFromHtml } from '../../lib/core/hh/listing-state.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** HTTPS to the fake on loopback, as the browser would address hh.ru (Host header), skipping cert checks. */
function request(
  fake: FakeHh,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: Buffer | string; host?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: fake.port,
        method,
        path,
        servername: 'hh.ru',
        rejectUnauthorized: false,
        agent: false,
        headers: { host: opts.host ?? 'hh.ru', ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(15_000, () => req.destroy(new Error('client timeout')));
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const get = (fake: FakeHh, path: string, headers: Record<string, string> = {}, host?: string) =>
  request(fake, 'GET', path, { headers, host });

function dom(html: string): Document {
  const w = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  w.document.write(html);
  return w.document as unknown as Document;
}

/** The site's apply POST: multipart, `_xsrf` in the form and the X-Xsrftoken header, session cookies. */
async function apply(
  fake: FakeHh,
  fields: Record<string, string>,
  opts: { cookie?: string; xsrfHeader?: string | null; urlencoded?: boolean } = {},
): Promise<Reply> {
  const xsrf = fake.state.xsrf;
  const all: Record<string, string> = {
    _xsrf: xsrf,
    resume_hash: fake.resumes[0]?.hash ?? '',
    letter: '',
    lux: 'true',
    ignore_postponed: 'true',
    incomplete: 'false',
    mark_applicant_visible_in_vacancy_country: 'false',
    country_ids: '[]',
    withoutTest: 'no',
    hhtmFromLabel: '',
    hhtmSourceLabel: '',
    ...fields,
  };
  let body: Buffer;
  let contentType: string;
  if (opts.urlencoded) {
    body = Buffer.from(new URLSearchParams(all).toString());
    contentType = 'application/x-www-form-urlencoded';
  } else {
    const fd = new FormData();
    for (const [k, v] of Object.entries(all)) fd.append(k, v);
    const r = new Request('https://hh.ru/', { method: 'POST', body: fd });
    body = Buffer.from(await r.arrayBuffer());
    contentType = r.headers.get('content-type') ?? '';
  }
  const headers: Record<string, string> = {
    'content-type': contentType,
    accept: 'application/json',
    'x-requested-with': 'XMLHttpRequest',
    cookie: opts.cookie ?? fake.cookieHeader(),
  };
  const xh = opts.xsrfHeader === undefined ? xsrf : opts.xsrfHeader;
  if (xh !== null) headers['x-xsrftoken'] = xh;
  return request(fake, 'POST', '/applicant/vacancy_response/popup', { headers, body });
}

let fake: FakeHh;
let normal: number[];

beforeAll(async () => {
  fake = await startFakeHh({ port: 0, seed: 7 });
  normal = fake.vacancyKinds().normal;
}, 60_000);
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => fake.reset());

describeWithRealVacancies('listing', () => {
  it('renders 50 real-markup cards with the data-qa attributes hh uses', async () => {
    const r = await get(fake, '/search/vacancy?text=python');
    expect(r.status).toBe(200);
    const doc = dom(r.body);
    const cards = [...doc.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')];
    expect(cards).toHaveLength(50);
    for (const card of cards) {
      const link = card.querySelector('h2[data-qa="bloko-header-2"] a[data-qa="serp-item__title"]');
      const id = /\/vacancy\/(\d+)/.exec(link?.getAttribute('href') ?? '')?.[1];
      expect(id).toBeTruthy();
      expect(card.querySelector(`div[id="${id}"]`)).not.toBeNull();
      expect(card.querySelector('[data-qa="serp-item__title-text"]')?.textContent?.trim()).not.toBe('');
      expect(card.querySelector('div[class*="compensation-labels"]')).not.toBeNull();
      expect(card.querySelector('[data-qa^="vacancy-serp__vacancy-work-experience-"]')).not.toBeNull();
      expect(card.querySelector('[data-qa="vacancy-serp__vacancy-address"]')).not.toBeNull();
      expect(card.querySelector('a[data-qa="vacancy-serp__vacancy_response"]')?.getAttribute('href')).toContain(
        `vacancyId=${id}`,
      );
    }
    // the salary span is the first child of the compensation block, with hh's spacing characters
    const salaries = cards
      .map((c) => c.querySelector('div[class*="compensation-labels"] > span')?.textContent ?? '')
      .filter((t) => t.includes('за'));
    expect(salaries.length).toBeGreaterThan(5);
    for (const s of salaries)
      expect(s).toMatch(
        /^(от |до )?[\d\u202f]+( – [\d\u202f]+)?[\s\u00a0]\S+\u00a0за\u00a0месяц, (на руки|до вычета налогов)$/,
      );
    expect(doc.querySelectorAll('[data-qa="vacancy-serp__vacancy-employer-text"]').length).toBeGreaterThan(30);
  });

  it('paginates: pager links, different cards per page, no pager-next on the last page, items_on_page', async () => {
    const p0 = dom((await get(fake, '/search/vacancy?text=python')).body);
    const ids0 = [...p0.querySelectorAll('[data-qa="vacancy-serp__vacancy"] div[id]')].map((d) => d.id);
    const pager = p0.querySelector('[data-qa="pager-block"]');
    expect(pager).not.toBeNull();
    expect(pager?.querySelector('a[data-qa="pager-page"][aria-current="true"]')?.textContent).toBe('1');
    const next = pager?.querySelector('a[data-qa="pager-next"]')?.getAttribute('href') ?? '';
    expect(next).toContain('page=1');
    expect(next).toContain('text=python');
    const p1 = dom((await get(fake, next)).body);
    const ids1 = [...p1.querySelectorAll('[data-qa="vacancy-serp__vacancy"] div[id]')].map((d) => d.id);
    expect(ids1).toHaveLength(50);
    expect(ids1.filter((id) => ids0.includes(id))).toEqual([]);
    expect(p1.querySelector('a[data-qa="pager-page"][aria-current="true"]')?.textContent).toBe('2');

    const state = extractInitialState((await get(fake, '/search/vacancy?text=python&items_on_page=20')).body) as {
      vacancySearchResult: { vacancies: unknown[]; totalResults: number; paging: { pages: number } };
    };
    expect(state.vacancySearchResult.vacancies).toHaveLength(20);
    const pages = state.vacancySearchResult.paging.pages;
    expect(pages).toBe(Math.min(Math.ceil(state.vacancySearchResult.totalResults / 20), 100));
    const last = dom((await get(fake, `/search/vacancy?text=python&items_on_page=20&page=${pages - 1}`)).body);
    expect(last.querySelector('a[data-qa="pager-next"]')).toBeNull();
    expect(last.querySelectorAll('[data-qa="vacancy-serp__vacancy"]').length).toBeGreaterThan(0);
  });

  it('is realistic on request: escaped state (default) or plain or none, 20 cards server-rendered and the rest inert for the page script', async () => {
    const raw = (await get(fake, '/search/vacancy?text=python&otk_ssr=20')).body;
    expect(raw).toContain('<template style="display:none" id="HH-Lux-InitialState">{&#34;');
    const doc = dom(raw);
    expect(doc.querySelectorAll('[data-qa="vacancy-serp__results"] [data-qa="vacancy-serp__vacancy"]')).toHaveLength(
      20,
    );
    const later = doc.getElementById('fake-hh-deferred');
    expect(later?.getAttribute('type')).toBe('text/x-fake-hh-cards');
    const state = listingStateFromText(
      stateTextFromHtml(raw),
      'https://hh.ru/search/vacancy?text=python&otk_ssr=20',
      [],
    );
    expect(state.ok && state.vacancies.length).toBe(50);
    if (!state.ok) return;
    expect(state.vacancies.some((v) => v.acceptAutoResponse === false)).toBe(true);
    expect(state.vacancies.every((v) => typeof v.responsesCount === 'number')).toBe(true);
    const plain = (await get(fake, '/search/vacancy?text=python&otk_state=plain')).body;
    expect(plain).toContain('<template id="HH-Lux-InitialState">{"');
    expect(stateTextFromHtml((await get(fake, '/search/vacancy?text=python&otk_state=none')).body)).toBeNull();
  });

  it('shows the empty-result block when nothing matches', async () => {
    const doc = dom((await get(fake, '/search/vacancy?text=zzqxjwv')).body);
    expect(doc.querySelector('[data-qa="empty-vacancy-search-block"]')).not.toBeNull();
    expect(doc.querySelectorAll('[data-qa="vacancy-serp__vacancy"]')).toHaveLength(0);
    expect(doc.querySelector('[data-qa="pager-block"]')).toBeNull();
  });

  it('embeds HH-Lux-InitialState with vacancySearchResult, resumes, xsrf and the router location', async () => {
    const r = await get(fake, '/search/vacancy?text=python&page=0');
    const state = extractInitialState(r.body) as Record<string, unknown> & {
      vacancySearchResult: { vacancies: Array<Record<string, unknown>>; totalResults: number };
      applicantResumes: Array<{ _attributes: { hash: string }; title: Array<{ string: string }> }>;
      router: { location: { pathname: string } };
    };
    expect(state.userType).toBe('applicant');
    expect(state.router.location.pathname).toBe('/search/vacancy');
    expect(state.xsrfToken).toBe(fake.state.xsrf);
    expect(state.applicantResumes).toHaveLength(2);
    for (const res of state.applicantResumes) expect(res._attributes.hash).toMatch(/^[0-9a-f]{38}$/);
    expect(state.latestResumeHash).toBe(fake.resumes[0]?.hash);
    const vs = state.vacancySearchResult.vacancies;
    expect(vs).toHaveLength(50);
    expect(state.vacancySearchResult.totalResults).toBeGreaterThan(1000);
    for (const key of [
      'vacancyId',
      'name',
      'company',
      'compensation',
      'workExperience',
      'workFormats',
      'area',
      'address',
      'snippet',
      'userLabels',
      'links',
    ]) {
      expect(vs[0]).toHaveProperty(key);
    }
    // same order as the cards
    const doc = dom(r.body);
    const ids = [...doc.querySelectorAll('[data-qa="vacancy-serp__vacancy"] div[id]')].map((d) => Number(d.id));
    expect(vs.map((v) => v.vacancyId)).toEqual(ids);
    const withSalary = vs.find((v) => (v.compensation as { from?: number; to?: number }).from !== undefined);
    expect(withSalary?.compensation).toMatchObject({ currencyCode: expect.any(String), gross: expect.any(Boolean) });
  });

  it('sets _xsrf (readable) and hhtoken (HttpOnly) cookies with the registrable domain of regional hosts', async () => {
    const r = await get(fake, '/search/vacancy?text=java', {}, 'spb.hh.ru');
    const cookies = (r.headers['set-cookie'] ?? []) as string[];
    const xsrf = cookies.find((c) => c.startsWith('_xsrf='));
    const token = cookies.find((c) => c.startsWith('hhtoken='));
    expect(xsrf).toMatch(/SameSite=None/);
    expect(xsrf).toMatch(/Secure/);
    expect(xsrf).toMatch(/Domain=hh\.ru/);
    expect(xsrf).not.toMatch(/HttpOnly/);
    expect(token).toMatch(/HttpOnly/);
    expect(r.body).toContain('https://spb.hh.ru/vacancy/');
  });

  it('filters by experience and answers resume=HASH with vacancies similar to the resume', async () => {
    const st = extractInitialState((await get(fake, '/search/vacancy?text=python&experience=noExperience')).body) as {
      vacancySearchResult: { vacancies: Array<{ workExperience: string }> };
    };
    expect(st.vacancySearchResult.vacancies.length).toBeGreaterThan(0);
    expect(new Set(st.vacancySearchResult.vacancies.map((v) => v.workExperience))).toEqual(new Set(['noExperience']));

    const resume = fake.resumes[0];
    const r = await get(fake, `/search/vacancy?resume=${resume?.hash}&from=resumelist`);
    const doc = dom(r.body);
    expect(doc.querySelector('h1')?.textContent).toContain(resume?.title);
    const titles = [...doc.querySelectorAll('[data-qa="serp-item__title-text"]')].map((t) => t.textContent ?? '');
    expect(titles.length).toBe(50);
    expect(titles.filter((t) => /front/i.test(t)).length).toBeGreaterThan(25);
  });

  it('serves /shards/vacancy/search as JSON and as an HTML fragment of cards for appending', async () => {
    const json = await get(fake, '/shards/vacancy/search?text=python&page=1', {
      accept: 'application/json',
      'x-requested-with': 'XMLHttpRequest',
    });
    expect(json.headers['content-type']).toMatch(/application\/json/);
    const body = JSON.parse(json.body) as {
      vacancySearchResult: { vacancies: Array<{ vacancyId: number }>; totalResults: number };
    };
    expect(body.vacancySearchResult.vacancies).toHaveLength(50);
    const frag = await get(fake, '/shards/vacancy/search?text=python&page=1&otk_format=html');
    const doc = dom(`<div id="root">${frag.body}</div>`);
    const ids = [...doc.querySelectorAll('[data-qa="vacancy-serp__vacancy"] div[id]')].map((d) => Number(d.id));
    expect(ids).toEqual(body.vacancySearchResult.vacancies.map((v) => v.vacancyId));
    // the page carries the load-more button and the SPA/append script
    const page = await get(fake, '/search/vacancy?text=python');
    expect(page.body).toContain('data-qa="fake-load-more"');
    expect(page.body).toContain('/shards/vacancy/search?');
  });
});

describe('vacancy page and applicant pages', () => {
  it('renders title, salary, skills, company, response button and vacancyView state', async () => {
    const v = fake.vacancies.find((x) => normal.includes(x.id) && x.keySkills.length > 2 && x.salary && x.employer);
    expect(v).toBeDefined();
    if (!v) return;
    const r = await get(fake, `/vacancy/${v.id}`);
    expect(r.status).toBe(200);
    const doc = dom(r.body);
    expect(doc.querySelector('h1[data-qa="vacancy-title"]')?.textContent).toBe(v.name);
    expect(
      doc.querySelector('[data-qa="vacancy-salary"] [data-qa^="vacancy-salary-compensation-type-"]'),
    ).not.toBeNull();
    expect(doc.querySelector('[data-qa="vacancy-experience"]')?.textContent).toMatch(/год|лет|не требуется/);
    expect([...doc.querySelectorAll('[data-qa="skills-element"]')].map((s) => s.textContent)).toEqual(v.keySkills);
    expect(doc.querySelector('a[data-qa="vacancy-company-name"]')?.textContent).toBe(v.employer?.name);
    expect(doc.querySelector('[data-qa="vacancy-description"]')?.textContent?.length).toBeGreaterThan(50);
    expect(doc.querySelector('a[data-qa="vacancy-response-link-top"]')).not.toBeNull();
    const state = extractInitialState(r.body) as {
      vacancyView: Record<string, unknown>;
      applicantVacancyResponseStatuses: Record<string, { alreadyApplied: boolean }>;
    };
    const view =
      (state.vacancyView.vacancyFull as { vacancy: Record<string, unknown> } | undefined)?.vacancy ?? state.vacancyView;
    expect(view.vacancyId).toBe(v.id);
    expect(state.applicantVacancyResponseStatuses[String(v.id)]?.alreadyApplied).toBe(false);

    const missing = await get(fake, '/vacancy/1');
    expect(missing.status).toBe(404);
  });

  it('lists the two resumes in the real resume-card markup', async () => {
    const doc = dom((await get(fake, '/applicant/resumes')).body);
    for (const r of fake.resumes) {
      const link = doc.querySelector(`a[data-qa="resume-card-link-${r.hash}"]`);
      expect(link?.getAttribute('href')).toContain(`/resume/${r.hash}`);
      expect(link?.querySelector('[data-qa="resume-title"]')?.textContent).toBe(r.title);
    }
  });

  it('serves login and captcha pages', async () => {
    const login = dom((await get(fake, '/account/login?backurl=%2F')).body);
    expect(login.querySelector('form[data-qa="account-login-form"]')).not.toBeNull();
    const captcha = dom((await get(fake, '/account/captcha')).body);
    expect(captcha.querySelector('[data-qa="account-captcha-picture"]')).not.toBeNull();
    expect(captcha.querySelector('input[data-qa="account-captcha-input"]')).not.toBeNull();
  });
});

describe('apply endpoint', () => {
  it('answers a multipart apply with the real success shape and flips the vacancy page to "already applied"', async () => {
    const id = normal[0] ?? 0;
    const r = await apply(fake, { vacancy_id: String(id), letter: 'Здравствуйте! Мне интересна вакансия.' });
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      success: 'true',
      topic_id: expect.stringMatching(/^\d+$/),
      chat_id: expect.stringMatching(/^\d+$/),
      response_label: 'nonreq-letter-no-test-with-letter',
      vacancy_id: String(id),
    });
    expect(body).toHaveProperty('responseStatus.negotiations.topicList');
    expect(fake.applications).toHaveLength(1);
    expect(fake.applications[0]).toMatchObject({
      vacancyId: id,
      resumeHash: fake.resumes[0]?.hash,
      letter: 'Здравствуйте! Мне интересна вакансия.',
    });

    const page = dom((await get(fake, `/vacancy/${id}`)).body);
    expect(page.querySelector('a[data-qa="vacancy-response-link-top"]')).toBeNull();
    expect(page.querySelector('[data-qa="vacancy-response-link-view-topic"]')).not.toBeNull();
    const neg = dom((await get(fake, '/applicant/negotiations')).body);
    expect(neg.querySelectorAll('[data-qa="negotiations-item"]')).toHaveLength(1);
    expect(neg.querySelector('[data-qa="negotiations-item-vacancy"]')?.textContent).toBe(fake.vacancy(id)?.name);
  });

  it('accepts urlencoded bodies too and labels a letterless apply "without-letter"', async () => {
    const r = await apply(fake, { vacancy_id: String(normal[1]) }, { urlencoded: true });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({
      success: 'true',
      response_label: 'nonreq-letter-no-test-without-letter',
    });
  });

  it('rejects xsrf mismatches with 403 {"error":"xsrf","xsrfError":true}', async () => {
    const id = String(normal[2]);
    for (const variant of [
      () => apply(fake, { vacancy_id: id }, { xsrfHeader: 'f'.repeat(32) }),
      () => apply(fake, { vacancy_id: id }, { xsrfHeader: null }),
      () => apply(fake, { vacancy_id: id, _xsrf: '0'.repeat(32) }),
      () => apply(fake, { vacancy_id: id }, { cookie: `hhtoken=${fake.state.sessionToken}` }),
    ]) {
      const r = await variant();
      expect(r.status).toBe(403);
      expect(JSON.parse(r.body)).toMatchObject({ error: 'xsrf', xsrfError: true });
    }
    fake.behave({ xsrfBroken: true });
    expect((await apply(fake, { vacancy_id: id })).status).toBe(403);
    expect(fake.applications).toHaveLength(0);
  });

  it('answers alreadyApplied for a second apply to the same vacancy', async () => {
    const id = String(normal[3]);
    expect((await apply(fake, { vacancy_id: id })).status).toBe(200);
    const again = await apply(fake, { vacancy_id: id, resume_hash: fake.resumes[1]?.hash ?? '' });
    expect(again.status).toBe(400);
    expect(JSON.parse(again.body)).toMatchObject({ error: 'alreadyApplied', responseStatus: { alreadyApplied: true } });
    expect(fake.applications.filter((a) => String(a.vacancyId) === id)).toHaveLength(1);
  });

  it('enforces the rolling 24 h daily limit (HTTP 400 negotiations-limit-exceeded)', async () => {
    fake.behave({ dailyLimit: 2 });
    expect((await apply(fake, { vacancy_id: String(normal[4]) })).status).toBe(200);
    expect((await apply(fake, { vacancy_id: String(normal[5]) })).status).toBe(200);
    const r = await apply(fake, { vacancy_id: String(normal[6]) });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({ error: 'negotiations-limit-exceeded' });
    fake.advanceClock(24 * 3600_000 + 1000);
    expect((await apply(fake, { vacancy_id: String(normal[6]) })).status).toBe(200);
    expect(fake.applications).toHaveLength(3);
  });

  it('refuses test, letter-required, archived, external, unknown vacancies and foreign resumes', async () => {
    const kinds = fake.vacancyKinds();
    const total = fake.vacancies.length;
    for (const k of ['hasTest', 'letterRequired', 'archived', 'external'] as const) {
      expect(kinds[k].length / total).toBeGreaterThan(0.01);
      expect(kinds[k].length / total).toBeLessThan(0.08);
    }
    const err = async (fields: Record<string, string>) => {
      const r = await apply(fake, fields);
      return { status: r.status, body: JSON.parse(r.body) as Record<string, unknown> };
    };
    expect(await err({ vacancy_id: String(kinds.hasTest[0]) })).toMatchObject({
      status: 400,
      body: { error: 'test-required' },
    });
    expect(await err({ vacancy_id: String(kinds.letterRequired[0]), letter: '  ' })).toMatchObject({
      status: 400,
      body: { error: 'letter-required' },
    });
    expect(await err({ vacancy_id: String(kinds.archived[0]) })).toMatchObject({ body: { error: 'unknown' } });
    expect(await err({ vacancy_id: String(kinds.external[0]) })).toMatchObject({ body: { error: 'direct-vacancy' } });
    expect(await err({ vacancy_id: '1' })).toMatchObject({
      body: { error: 'unknown', errors: [{ type: 'not_found' }] },
    });
    expect(await err({ vacancy_id: String(normal[7]), resume_hash: 'ab'.repeat(19) })).toMatchObject({
      body: { error: 'unknown' },
    });
    expect(fake.applications).toHaveLength(0);
    // with a letter the letter-required vacancy goes through, labelled req-letter
    const ok = await err({ vacancy_id: String(kinds.letterRequired[0]), letter: 'Готов к сотрудничеству' });
    expect(ok).toMatchObject({
      status: 200,
      body: { success: 'true', response_label: 'req-letter-no-test-with-letter' },
    });
  });
});

describe('misbehaviour', () => {
  it('captcha: redirect (default), HTML page or API-style JSON; pages untouched unless scope is all', async () => {
    fake.behave({ captcha: true });
    const r = await apply(fake, { vacancy_id: String(normal[0]) });
    expect(r.status).toBe(302);
    expect(r.headers.location).toMatch(/^\/account\/captcha\?/);
    expect((await get(fake, '/search/vacancy?text=python')).status).toBe(200);

    fake.behave({ captchaMode: 'html' });
    const html = await apply(fake, { vacancy_id: String(normal[0]) });
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('account-captcha-picture');

    fake.behave({ captchaMode: 'json' });
    const json = await apply(fake, { vacancy_id: String(normal[0]) });
    expect(json.status).toBe(403);
    expect(JSON.parse(json.body)).toMatchObject({ errors: [{ type: 'captcha_required' }] });

    fake.behave({ captchaMode: 'redirect', scope: 'all' });
    const page = await get(fake, '/vacancy/' + normal[0]);
    expect(page.status).toBe(302);
    expect(fake.applications).toHaveLength(0);
  });

  it('logged out: apply refused (403 or redirect to login), pages anonymous and the session cookie expired', async () => {
    fake.behave({ loggedOut: true });
    const r = await apply(fake, { vacancy_id: String(normal[0]) });
    expect(r.status).toBe(403);
    fake.behave({ loggedOutMode: 'redirect' });
    const red = await apply(fake, { vacancy_id: String(normal[0]) });
    expect(red.status).toBe(302);
    expect(red.headers.location).toMatch(/^\/account\/login/);
    const page = await get(fake, '/search/vacancy?text=python', { cookie: fake.cookieHeader() });
    const state = extractInitialState(page.body) as { userType: string; applicantResumes: unknown[] };
    expect(state.userType).toBe('anonymous');
    expect(state.applicantResumes).toEqual([]);
    expect(
      (page.headers['set-cookie'] as string[]).some((c) => c.startsWith('hhtoken=;') && c.includes('Max-Age=0')),
    ).toBe(true);
    expect((await get(fake, '/applicant/resumes')).status).toBe(302);
    // no cookie at all = logged out too, even when the user is "logged in"
    fake.behave({ loggedOut: false, loggedOutMode: '403' });
    expect((await apply(fake, { vacancy_id: String(normal[0]) }, { cookie: `_xsrf=${fake.state.xsrf}` })).status).toBe(
      403,
    );
  });

  it('status5xx as a count fails exactly the next N applies; pages are not affected by default', async () => {
    fake.behave({ status5xx: 2 });
    expect((await get(fake, '/vacancy/' + normal[0])).status).toBe(200);
    expect((await apply(fake, { vacancy_id: String(normal[0]) })).status).toBe(502);
    expect((await apply(fake, { vacancy_id: String(normal[0]) })).status).toBe(502);
    expect((await apply(fake, { vacancy_id: String(normal[0]) })).status).toBe(200);
    expect(fake.requests.filter((q) => q.fault === '5xx')).toHaveLength(2);
  });

  it('probabilistic faults are reproducible for a seed', async () => {
    const run = async () => {
      fake.reset();
      fake.behave({ status5xx: 0.5, status5xxCode: 503 });
      const out: number[] = [];
      for (let i = 0; i < 12; i++) out.push((await apply(fake, { vacancy_id: '1' })).status);
      return out;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a).toContain(503);
    expect(a.some((s) => s !== 503)).toBe(true);
  });

  it('dropConnection destroys the socket mid-request and is recorded with status 0', async () => {
    fake.behave({ dropConnection: 1 });
    await expect(apply(fake, { vacancy_id: String(normal[0]) })).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await apply(fake, { vacancy_id: String(normal[0]) })).status).toBe(200);
    expect(fake.requests.map((q) => [q.fault, q.status])).toEqual([
      ['drop', 0],
      [null, 200],
    ]);
  });

  it('slowMs delays requests in scope', async () => {
    fake.behave({ slowMs: 300, scope: 'all' });
    const t = Date.now();
    await get(fake, '/applicant/resumes');
    expect(Date.now() - t).toBeGreaterThanOrEqual(280);
    expect(fake.requests[0]?.durationMs).toBeGreaterThanOrEqual(280);
  });
});

describe('recording and control', () => {
  it('records method, path, query, header subset, form fields and status (control calls excluded)', async () => {
    await get(fake, '/search/vacancy?text=go&area=1');
    await apply(fake, { vacancy_id: String(normal[0]), letter: 'hi' });
    await get(fake, '/__fake/state');
    expect(fake.requests).toHaveLength(2);
    const [listing, post] = fake.requests;
    expect(listing).toMatchObject({
      method: 'GET',
      path: '/search/vacancy',
      query: { text: 'go', area: '1' },
      status: 200,
      route: 'page',
    });
    expect(post).toMatchObject({
      method: 'POST',
      path: '/applicant/vacancy_response/popup',
      status: 200,
      route: 'apply',
      headers: { 'x-xsrftoken': fake.state.xsrf, 'x-requested-with': 'XMLHttpRequest' },
      cookies: { _xsrf: fake.state.xsrf, hhtoken: fake.state.sessionToken },
      form: { vacancy_id: String(normal[0]), letter: 'hi', lux: 'true' },
    });
  });

  it('keeps the request log bounded', async () => {
    const small = await startFakeHh({ port: 0, requestLogLimit: 10, vacancies: 200, quiet: true });
    try {
      for (let i = 0; i < 15; i++) await get(small, `/search/vacancy?text=a${i}`);
      expect(small.requests).toHaveLength(10);
      expect(small.requests[0]?.query.text).toBe('a5');
    } finally {
      await small.close();
    }
  });

  it('exposes behave/state/requests/reset/clock over HTTP', async () => {
    const bad = await request(fake, 'POST', '/__fake/behave', {
      body: JSON.stringify({ status5xx: 'lots' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    const ok = await request(fake, 'POST', '/__fake/behave', {
      body: JSON.stringify({ dailyLimit: 0, scope: 'api' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(ok.status).toBe(200);
    expect(fake.state.behaviour).toMatchObject({ dailyLimit: 0, scope: 'api' });
    expect(JSON.parse((await apply(fake, { vacancy_id: String(normal[0]) })).body)).toEqual({
      error: 'negotiations-limit-exceeded',
    });
    const state = JSON.parse((await get(fake, '/__fake/state')).body) as {
      behaviour: { dailyLimit: number };
      xsrf: string;
    };
    expect(state.behaviour.dailyLimit).toBe(0);
    expect(state.xsrf).toBe(fake.state.xsrf);
    const reqs = JSON.parse((await get(fake, '/__fake/requests')).body) as { requests: Array<{ path: string }> };
    expect(reqs.requests.map((q) => q.path)).toEqual(['/applicant/vacancy_response/popup']);
    expect((await request(fake, 'POST', '/__fake/clock', { body: '{"advanceMs":1000}' })).status).toBe(200);
    expect(fake.state.clockOffsetMs).toBe(1000);
    expect((await request(fake, 'POST', '/__fake/reset')).status).toBe(200);
    expect(fake.state.behaviour.dailyLimit).toBe(200);
    expect(fake.requests).toHaveLength(0);
  });

  it('close() does not hang on a request that is still being delayed', async () => {
    const f = await startFakeHh({ port: 0, vacancies: 100, quiet: true, behaviour: { slowMs: 60_000, scope: 'all' } });
    const pending = get(f, '/search/vacancy').catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const t = Date.now();
    await f.close();
    expect(Date.now() - t).toBeLessThan(2000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it("falls back to the repo's demo set when ../shared is missing", async () => {
    const f = await startFakeHh({ port: 0, sharedDir: '/nonexistent-shared', quiet: true });
    try {
      expect(f.dataSource).toBe('synthetic');
      expect(f.vacancies.length).toBeGreaterThan(250);
      const kinds = f.vacancyKinds();
      for (const k of ['normal', 'hasTest', 'letterRequired', 'archived', 'external'] as const)
        expect(kinds[k].length, k).toBeGreaterThan(2);
      const doc = dom((await get(f, `/search/vacancy?text=${encodeURIComponent('разработчик')}`)).body);
      expect(doc.querySelectorAll('[data-qa="vacancy-serp__vacancy"]').length).toBeGreaterThan(0);
    } finally {
      await f.close();
    }
  });
});

describe('format', () => {
  it('prints salaries like hh', () => {
    expect(cardSalaryHtml({ from: 250_000, to: null, currency: 'RUR', gross: false })).toBe(
      'от 250\u202f000 ₽&nbsp;за&nbsp;месяц, на руки',
    );
    expect(cardSalaryHtml({ from: 100_000, to: 150_000, currency: 'RUR', gross: true })).toBe(
      '100\u202f000 – 150\u202f000 ₽&nbsp;за&nbsp;месяц, до вычета налогов',
    );
    expect(cardSalaryHtml({ from: null, to: 5_000, currency: 'USD', gross: false })).toBe(
      'до 5\u202f000 $&nbsp;за&nbsp;месяц, на руки',
    );
  });
});
