// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeHh, type FakeHh } from '../../../test/fake-hh/server';
import { fakeFetch } from '../../../test/fake-hh/node-fetch';
import { APPLY_PATH, buildApplyForm, createApplyClient } from './apply-client';
import { readQuestionnairePage } from './questions';
import { decideQuestionnaire } from '../../worker/negotiations/auto-answer';
import { qaItemSchema } from '../negotiations/settings';

const HASH = '0123456789abcdef0123456789abcdef012345';
const REQ = { vacancyId: '131481403', resumeHash: HASH, letter: 'Здравствуйте!' };

interface Sent {
  url: string;
  init: RequestInit;
}

function mockFetch(answers: Array<Response | Error | ((url: string) => Response)>) {
  const sent: Sent[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    sent.push({ url, init });
    if (init.signal?.aborted) throw init.signal.reason;
    const next = answers.shift();
    if (!next) throw new Error(`unexpected request ${url}`);
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(url) : next;
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}
const jsonRes = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const SUCCESS = {
  success: 'true',
  topic_id: '1',
  chat_id: '2',
  response_label: 'nonreq-letter-no-test-with-letter',
  vacancy_id: '131481403',
};

describe('apply client: the request', () => {
  it('posts the form the site posts, with the cookie token in field and header, credentials included', async () => {
    const { fetch, sent } = mockFetch([jsonRes(200, SUCCESS)]);
    const cookieReads: string[] = [];
    const client = createApplyClient({
      fetch,
      readCookie: async (url, name) => (cookieReads.push(`${url} ${name}`), 'tok123'),
    });
    const out = await client.apply(REQ);
    expect(out).toMatchObject({ kind: 'applied', topicId: '1' });
    expect(cookieReads).toEqual(['https://hh.ru _xsrf']);
    expect(sent).toHaveLength(1);
    const { url, init } = sent[0]!;
    expect(url).toBe(`https://hh.ru${APPLY_PATH}`);
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('include');
    expect(init.headers).toEqual({
      'X-Xsrftoken': 'tok123',
      'X-Requested-With': 'XMLHttpRequest',
      Accept: 'application/json',
    });
    const form = init.body as FormData;
    expect([...form.entries()]).toEqual([
      ['_xsrf', 'tok123'],
      ['vacancy_id', '131481403'],
      ['resume_hash', HASH],
      ['ignore_postponed', 'true'],
      ['incomplete', 'false'],
      ['mark_applicant_visible_in_vacancy_country', 'false'],
      ['country_ids', '[]'],
      ['letter', 'Здравствуйте!'],
      ['lux', 'true'],
      ['withoutTest', 'no'],
      ['hhtmFromLabel', ''],
      ['hhtmSourceLabel', ''],
    ]);
  });

  it("uses the vacancy's family domain for the URL and the cookie", async () => {
    const { fetch, sent } = mockFetch([jsonRes(200, SUCCESS)]);
    const urls: string[] = [];
    await createApplyClient({ fetch, readCookie: async (u) => (urls.push(u), 't') }).apply({
      ...REQ,
      origin: 'https://hh.kz',
    });
    expect(sent[0]!.url).toBe(`https://hh.kz${APPLY_PATH}`);
    expect(urls).toEqual(['https://hh.kz']);
  });

  it('xsrf refused once: refreshes the cookie with a page GET and re-posts with the new token', async () => {
    let token = 'old';
    const { fetch, sent } = mockFetch([
      jsonRes(403, { xsrfError: true }),
      () => ((token = 'new'), new Response('<html></html>', { status: 200 })),
      jsonRes(200, SUCCESS),
    ]);
    const out = await createApplyClient({ fetch, readCookie: async () => token }).apply(REQ);
    expect(out.kind).toBe('applied');
    expect(sent.map((s) => `${s.init.method} ${s.url}`)).toEqual([
      `POST https://hh.ru${APPLY_PATH}`,
      'GET https://hh.ru/',
      `POST https://hh.ru${APPLY_PATH}`,
    ]);
    expect((sent[2]!.init.headers as Record<string, string>)['X-Xsrftoken']).toBe('new');
    expect((sent[2]!.init.body as FormData).get('_xsrf')).toBe('new');
  });

  it('xsrf refused twice: gives up with `xsrf` (only one refresh)', async () => {
    const { fetch, sent } = mockFetch([
      jsonRes(403, { xsrfError: true }),
      new Response(''),
      jsonRes(403, { xsrfError: true }),
    ]);
    expect((await createApplyClient({ fetch, readCookie: async () => 't' }).apply(REQ)).kind).toBe('xsrf');
    expect(sent).toHaveLength(3);
  });

  it('no _xsrf cookie even after a refresh: not logged in, nothing posted', async () => {
    const { fetch, sent } = mockFetch([new Response('')]);
    const out = await createApplyClient({ fetch, readCookie: async () => null }).apply(REQ);
    expect(out).toMatchObject({ kind: 'captcha_or_login', which: 'login' });
    expect(sent.map((s) => s.init.method)).toEqual(['GET']);
  });

  it('network failures and timeouts come back as `network`, never thrown', async () => {
    const { fetch } = mockFetch([new TypeError('fetch failed')]);
    expect(await createApplyClient({ fetch, readCookie: async () => 't' }).apply(REQ)).toEqual({
      kind: 'network',
      status: 0,
      detail: 'fetch failed',
    });
    const hang = (async (_u: RequestInfo | URL, init: RequestInit = {}) =>
      new Promise<Response>((_, reject) => {
        if (init.signal?.aborted) reject(init.signal.reason); // as fetch does with an already-aborted signal
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      })) as typeof globalThis.fetch;
    expect(await createApplyClient({ fetch: hang, readCookie: async () => 't', timeoutMs: 20 }).apply(REQ)).toEqual({
      kind: 'network',
      status: 0,
      detail: 'timed out',
    });
    const outer = new AbortController();
    const pending = createApplyClient({ fetch: hang, readCookie: async () => 't' }).apply(REQ, outer.signal);
    outer.abort();
    expect(await pending).toMatchObject({ kind: 'network' });
  });

  it('buildApplyForm carries an empty letter as an empty field', () => {
    expect(buildApplyForm('x', { ...REQ, letter: '' }).get('letter')).toBe('');
  });

  it("questionnaire answers go right after _xsrf, before vacancy_id (the 2026-05 capture's order)", () => {
    const form = buildApplyForm('x', {
      ...REQ,
      questionnaire: [
        ['uidPk', '1'],
        ['guid', 'G'],
        ['startTime', '2'],
        ['testRequired', 'true'],
        ['task_3_text', 'да'],
      ],
    });
    expect([...form.keys()].slice(0, 7)).toEqual([
      '_xsrf',
      'uidPk',
      'guid',
      'startTime',
      'testRequired',
      'task_3_text',
      'vacancy_id',
    ]);
    expect(form.get('task_3_text')).toBe('да');
  });

  it('getPage: a GET with the session (credentials included), the raw answer back; failures as network', async () => {
    const { fetch, sent } = mockFetch([
      new Response('<html>q</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      new Error('offline'),
    ]);
    const client = createApplyClient({ fetch, readCookie: async () => 't' });
    const page = await client.getPage!(
      'https://hh.ru/applicant/vacancy_response?vacancyId=1&startedWithQuestion=false',
    );
    expect(page).toMatchObject({
      kind: 'answer',
      answer: { status: 200, body: '<html>q</html>', contentType: 'text/html' },
    });
    expect(sent[0]!.init).toMatchObject({ method: 'GET', credentials: 'include', redirect: 'follow' });
    expect(await client.getPage!('https://hh.ru/x')).toEqual({ kind: 'network', detail: 'offline' });
  });
});

// ── Against the fake hh.ru (HTTPS on loopback): the fake checks cookie + field + header like the site. ──

describe('apply client against the fake hh.ru', () => {
  let fake: FakeHh;
  let jar: Map<string, string>;
  let client: ReturnType<typeof createApplyClient>;
  beforeAll(async () => {
    fake = await startFakeHh({ port: 0, quiet: true, vacancies: 3000 });
  });
  afterAll(async () => {
    await fake?.close();
  });
  beforeEach(() => {
    fake.reset();
    jar = new Map(fake.cookies().map((c) => [c.name, c.value]));
    client = createApplyClient({
      fetch: fakeFetch(fake, jar),
      readCookie: async (_u, name) => jar.get(name) ?? null,
      timeoutMs: 5_000,
    });
  });
  const kinds = () => fake.vacancyKinds();
  const resume = () => fake.resumes[0]!.hash;
  const req = (id: number) => ({ vacancyId: String(id), resumeHash: resume(), letter: '' });

  it('applies, and a second POST for the same vacancy is "already applied" (one application on the server)', async () => {
    const id = kinds().normal[0]!;
    expect(await client.apply(req(id))).toMatchObject({
      kind: 'applied',
      status: 200,
      topicId: expect.any(String),
      responseLabel: 'nonreq-letter-no-test-without-letter',
    });
    expect(await client.apply(req(id))).toMatchObject({ kind: 'already_applied', topicId: expect.any(String) });
    expect(fake.applications.filter((a) => a.vacancyId === id)).toHaveLength(1);
    const posted = fake.requests.filter((r) => r.route === 'apply');
    expect(posted[0]!.headers).toMatchObject({
      'x-requested-with': 'XMLHttpRequest',
      accept: 'application/json',
      'x-xsrftoken': jar.get('_xsrf'),
    });
    expect(posted[0]!.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(posted[0]!.form).toMatchObject({
      lux: 'true',
      withoutTest: 'no',
      ignore_postponed: 'true',
      country_ids: '[]',
    });
  });

  it.each([
    ['hasTest', 'test_required'],
    ['letterRequired', 'letter_required'],
    ['archived', 'vacancy_gone'],
    ['external', 'external'],
  ] as const)('a %s vacancy → %s', async (kind, expected) => {
    const id = kinds()[kind][0];
    expect(id, `the fake has a ${kind} vacancy`).toBeDefined();
    expect((await client.apply(req(id!))).kind).toBe(expected);
    expect(fake.applications).toHaveLength(0);
  });

  it('a questionnaire: the page the link opens is read, the answered POST applies once; the fake records the answers', async () => {
    const id = kinds().hasTest[0]!;
    const first = await client.apply(req(id));
    if (first.kind !== 'test_required') throw new Error(`expected test_required, got ${first.kind}`);
    const got = await client.getPage!(first.link);
    if (got.kind !== 'answer') throw new Error(got.detail);
    const page = readQuestionnairePage(got.answer);
    if (page.kind !== 'form') throw new Error(`not a form: ${JSON.stringify(page)}`);
    const item = (x: object) => qaItemSchema.parse(x);
    const bank = [
      item({ kind: 'salary', answer: 'от 180 000 ₽' }),
      item({ kind: 'contacts', answer: '@me' }),
      item({ kind: 'notice', answer: 'через 2 недели' }),
      item({ kind: 'custom', pattern: 'python', answer: '2 года' }),
    ];
    // One question (linux) unknown: nothing to send.
    expect(decideQuestionnaire(page.form, bank)).toMatchObject({
      kind: 'needs_user',
      total: 4,
      unknown: ['Какой твой опыт работы с linux?'],
    });
    const d = decideQuestionnaire(page.form, [...bank, item({ kind: 'custom', pattern: 'linux', answer: 'ubuntu' })]);
    if (d.kind !== 'answer') throw new Error(d.problem);
    // An empty answer is refused like hh would: test-required again, nothing applied.
    const emptied = d.fields.map(([k, v]): [string, string] => [k, k === d.fields[5]![0] ? ' ' : v]);
    expect((await client.apply({ ...req(id), questionnaire: emptied })).kind).toBe('test_required');
    expect(fake.applications).toHaveLength(0);
    expect(await client.apply({ ...req(id), questionnaire: d.fields })).toMatchObject({
      kind: 'applied',
      responseLabel: 'nonreq-letter-req-test-without-letter',
    });
    expect(fake.applications.find((a) => a.vacancyId === id)?.testAnswers).toEqual(d.answers);
    // A retry of the plain POST (answer lost) is "already applied": never a second application.
    expect((await client.apply(req(id))).kind).toBe('already_applied');
    expect(fake.applications.filter((a) => a.vacancyId === id)).toHaveLength(1);
  });

  it('the questionnaire page while logged out → a login redirect → captcha_or_login', async () => {
    fake.behave({ loggedOut: true, loggedOutMode: 'redirect' });
    const got = await client.getPage!(
      `https://hh.ru/applicant/vacancy_response?vacancyId=${kinds().hasTest[0]!}&startedWithQuestion=false`,
    );
    if (got.kind !== 'answer') throw new Error(got.detail);
    expect(readQuestionnairePage(got.answer)).toMatchObject({
      kind: 'outcome',
      outcome: { kind: 'captcha_or_login', which: 'login' },
    });
  });

  it('an unknown vacancy → vacancy_gone', async () => {
    expect((await client.apply(req(999_999_999_999))).kind).toBe('vacancy_gone');
  });

  it('the daily limit → daily_limit', async () => {
    fake.behave({ dailyLimit: 0 });
    expect((await client.apply(req(kinds().normal[0]!))).kind).toBe('daily_limit');
  });

  it.each(['redirect', 'html', 'json'] as const)('captcha (%s) → captcha_or_login/captcha', async (mode) => {
    fake.behave({ captcha: true, captchaMode: mode });
    expect(await client.apply(req(kinds().normal[0]!))).toMatchObject({ kind: 'captcha_or_login', which: 'captcha' });
    expect(fake.applications).toHaveLength(0);
  });

  it.each(['403', 'redirect'] as const)('logged out (%s) → captcha_or_login/login', async (mode) => {
    fake.behave({ loggedOut: true, loggedOutMode: mode });
    expect(await client.apply(req(kinds().normal[0]!))).toMatchObject({ kind: 'captcha_or_login', which: 'login' });
  });

  it('a missing _xsrf cookie is fetched with a page GET, then the apply goes through', async () => {
    jar.delete('_xsrf');
    expect((await client.apply(req(kinds().normal[0]!))).kind).toBe('applied');
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET / 200',
      `POST ${APPLY_PATH} 200`,
    ]);
  });

  it('xsrf broken for good → xsrf after one refresh', async () => {
    fake.behave({ xsrfBroken: true });
    expect((await client.apply(req(kinds().normal[0]!))).kind).toBe('xsrf');
    expect(fake.requests.filter((r) => r.route === 'apply')).toHaveLength(2);
  });

  it('5xx → server_error; a dropped connection → network', async () => {
    fake.behave({ status5xx: 1 });
    expect(await client.apply(req(kinds().normal[0]!))).toMatchObject({ kind: 'server_error', status: 502 });
    fake.behave({ dropConnection: 1 });
    expect((await client.apply(req(kinds().normal[0]!))).kind).toBe('network');
  });
});
