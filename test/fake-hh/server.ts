/**
 * A fake hh.ru over HTTPS on loopback for e2e tests and demos. See README.md.
 *
 *   const fake = await startFakeHh({ port: 0 });
 *   // chromium: --host-resolver-rules="MAP hh.ru 127.0.0.1:<port>, MAP *.hh.ru 127.0.0.1:<port>" --ignore-certificate-errors
 *   await page.goto(fake.url('/search/vacancy?text=python'));
 *   fake.behave({ status5xx: 2 });           // the next two applies fail with 502
 *   expect(fake.applications).toHaveLength(1);
 *   await fake.close();
 */
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { z } from 'zod';
import { handleApply } from './apply.ts';
import { ensureCert } from './cert.ts';
import { loadVacancies, searchVacancies, type SearchQuery, type Vacancy } from './data.ts';
import {
  applyBehaviour,
  BehaviourPatchSchema,
  DEFAULT_BEHAVIOUR,
  delayFor,
  faultFor,
  type BehaviourPatch,
  type Fault,
  type RouteClass,
} from './misbehave.ts';
import { parseMaybeEscapedJson } from '../../lib/core/hh/initial-state.ts';
import { stateTextFromHtml } from '../../lib/core/hh/listing-state.ts';
import { renderCards, renderListing, vacancyStateItem, type ListingModel } from './render-listing.ts';
import {
  renderCaptcha,
  renderError5xx,
  renderLogin,
  renderNotFound,
  renderResumePage,
  renderResumes,
  type PageContext,
} from './render-pages.ts';
import {
  chatSends,
  employerWrites,
  handleChatik,
  negotiationControl,
  renderNegotiationsPage,
  renderQuestionnaire,
  setNegotiation,
  type ChatSend,
  type NegotiationAction,
} from './negotiations.ts';
import { renderVacancy, type VacancyStateLayout } from './render-vacancy.ts';
import {
  appliedInLastDay,
  newState,
  nowOf,
  RESUMES,
  type Application,
  type FakeResume,
  type ServerState,
} from './state.ts';

export type { Behaviour, BehaviourPatch } from './misbehave.ts';
export type { Application, FakeResume } from './state.ts';
export type { Vacancy, VacancyKind } from './data.ts';
export { RESUMES } from './state.ts';

export interface FakeHhOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Where `data/vacancies.jsonl.gz` lives (default: ../shared relative to the repo root). */
  sharedDir?: string;
  /** Seeds the PRNG (xsrf/session tokens, probabilistic faults, topic ids). Default 1. */
  seed?: number;
  /** Use only the first N vacancies of the corpus (faster searches in tests). */
  vacancies?: number;
  /** Initial misbehaviour (also what `reset()` returns to). */
  behaviour?: BehaviourPatch;
  /** InitialState shape of vacancy pages: classic `vacancyView.*`, magritte `vacancyView.vacancyFull.vacancy`, or mixed by id (default). */
  vacancyStateLayout?: VacancyStateLayout;
  /** Cap of `requests` (oldest dropped). Default 2000. */
  requestLogLimit?: number;
  /** Don't print the synthetic-data warning. */
  quiet?: boolean;
}

export interface RecordedRequest {
  seq: number;
  /** ms since epoch (fake clock) when the request arrived */
  time: number;
  method: string;
  host: string;
  path: string;
  query: Record<string, string | string[]>;
  /** A subset: content-type, accept, x-xsrftoken, x-requested-with, origin, referer, sec-fetch-*, user-agent, x-hhtm*. */
  headers: Record<string, string>;
  /** Only the cookies the site cares about (`_xsrf`, `hhtoken`). */
  cookies: Record<string, string>;
  /** Parsed form fields of a POST (multipart or urlencoded), else null. */
  form: Record<string, string> | null;
  /** Response status; 0 when the connection was dropped. */
  status: number;
  route: RouteClass;
  fault: Fault['type'] | null;
  durationMs: number;
}

export type KindName = 'normal' | 'hasTest' | 'letterRequired' | 'archived' | 'external';

export interface FakeHh {
  port: number;
  /** What the browser sees (with --host-resolver-rules mapping hh.ru to this server). */
  origin: 'https://hh.ru';
  /** `https://hh.ru` + path: for the browser. */
  url(path: string): string;
  /** `https://127.0.0.1:<port>` + path: for Node clients (send `Host: hh.ru`, skip cert checks). */
  localUrl(path: string): string;
  /** Chromium flags that route hh.ru (and subdomains, hh.kz, rabota.by, hh.uz) here. */
  chromiumArgs(): string[];
  close(): Promise<void>;
  /** Every request (bounded; control endpoints /__fake/* excluded). */
  requests: RecordedRequest[];
  /** Successful applications, oldest first. */
  applications: Application[];
  /** Change misbehaviour (partial: unspecified fields keep their value). */
  behave(b: BehaviourPatch): void;
  /** Back to the start: no requests, no applications, initial behaviour, clock, PRNG. */
  reset(): void;
  /** Move the fake clock (the rolling 24 h window of the daily limit). */
  advanceClock(ms: number): void;
  state: ServerState;
  vacancies: readonly Vacancy[];
  vacancy(id: number): Vacancy | undefined;
  /** Ids of vacancies of each kind (pure kinds: exactly one flag, or none for `normal`), in corpus order. */
  vacancyKinds(): Record<KindName, number[]>;
  resumes: readonly FakeResume[];
  /** `_xsrf=…; hhtoken=…` for Node clients acting as the logged-in browser. */
  cookieHeader(): string;
  /** The same cookies for Playwright's `context.addCookies`. */
  cookies(domain?: string): Array<{
    name: string;
    value: string;
    domain: string;
    path: string;
    secure: boolean;
    httpOnly: boolean;
    sameSite: 'None';
  }>;
  dataSource: 'shared' | 'synthetic';
  dataLoadMs: number;
  /** Responses page and employer chats (negotiations.ts): change a response's status, write as the employer, see what was sent. */
  negotiations: {
    set(vacancyId: number, action: NegotiationAction): void;
    employerWrites(vacancyId: number, text: string): void;
    readonly sent: ChatSend[];
  };
  /**
   * Test-only: a script every HTML page runs first, in the page's own world (what hh's, an ad's or a counter's
   * script could do). The hostile-page suite (test/e2e/hostile-page.e2e.ts) attacks Otklik from here. null = none.
   */
  pageScript: string | null;
}

const MAX_BODY = 1024 * 1024;
const MAX_DELAY = 120_000;
const ITEMS_ON_PAGE = new Set([20, 50, 100]);
const HEADER_SUBSET = [
  'content-type',
  'accept',
  'x-xsrftoken',
  'x-requested-with',
  'origin',
  'referer',
  'sec-fetch-site',
  'sec-fetch-mode',
  'sec-fetch-dest',
  'user-agent',
  'x-hhtmfrom',
  'x-hhtmsource',
];

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    if (!(k in out)) {
      try {
        out[k] = decodeURIComponent(v);
      } catch {
        out[k] = v;
      }
    }
  }
  return out;
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** hh.ru / hh.kz / rabota.by / hh.uz for a host (cookies are shared by the registrable domain), else null. */
function cookieDomain(host: string): string | null {
  const h = host.replace(/:\d+$/, '').toLowerCase();
  for (const d of ['hh.ru', 'hh.kz', 'rabota.by', 'hh.uz']) if (h === d || h.endsWith(`.${d}`)) return d;
  return null;
}

function classify(method: string, pathname: string): RouteClass {
  if (pathname.startsWith('/__fake/')) return 'control';
  if (pathname === '/applicant/vacancy_response/popup' && method === 'POST') return 'apply';
  if (pathname.startsWith('/shards/')) return 'api';
  return 'page';
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY) return null;
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Form fields from multipart/form-data (parsed by undici's Request.formData, built into Node 20) or urlencoded. */
async function parseForm(contentType: string, body: Buffer): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (contentType.startsWith('multipart/form-data')) {
    const fd = await new Request('https://hh.ru/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: Uint8Array.from(body),
    }).formData();
    for (const [k, v] of fd) out[k] = typeof v === 'string' ? v : `[file ${v.name}]`;
  } else {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) out[k] = v;
  }
  return out;
}

export async function startFakeHh(opts: FakeHhOptions = {}): Promise<FakeHh> {
  const [data, tls] = await Promise.all([loadVacancies(opts.sharedDir), ensureCert()]);
  if (data.source === 'synthetic' && !opts.quiet) {
    console.warn(
      `[fake-hh] ../shared/data/vacancies.jsonl.gz not found: serving the repo's demo set (${data.vacancies.length} vacancies)`,
    );
  }
  const vacancies =
    opts.vacancies !== undefined ? data.vacancies.slice(0, Math.max(1, opts.vacancies)) : data.vacancies;
  const byId = new Map(vacancies.map((v) => [v.id, v] as const));
  const seed = opts.seed ?? 1;
  const initialBehaviour: BehaviourPatch = BehaviourPatchSchema.parse(opts.behaviour ?? {});
  const logLimit = Math.max(10, opts.requestLogLimit ?? 2000);
  const layoutPref = opts.vacancyStateLayout ?? 'mixed';

  const makeState = () => {
    const s = newState(seed, { ...DEFAULT_BEHAVIOUR });
    applyBehaviour(s, initialBehaviour);
    return s;
  };
  let state = makeState();
  const requests: RecordedRequest[] = [];
  let seq = 0;
  const searchCache = new Map<string, Vacancy[]>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closing = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(
        () => {
          timers.delete(t);
          resolve();
        },
        Math.min(ms, MAX_DELAY),
      );
      timers.add(t);
    });

  function search(q: SearchQuery): Vacancy[] {
    const key = JSON.stringify(q);
    let hit = searchCache.get(key);
    if (hit) {
      searchCache.delete(key);
      searchCache.set(key, hit);
      return hit;
    }
    hit = searchVacancies(vacancies, q);
    searchCache.set(key, hit);
    if (searchCache.size > 64) searchCache.delete(searchCache.keys().next().value as string);
    return hit;
  }

  function listingModel(url: URL, loggedIn: boolean): ListingModel & { resumeUnknown: boolean } {
    const p = url.searchParams;
    const resumeHash = p.get('resume');
    const resume = resumeHash ? RESUMES.find((r) => r.hash === resumeHash) : undefined;
    const text = (p.get('text') ?? '').slice(0, 200);
    const q: SearchQuery = {
      text: resume && !text ? resume.searchText : text,
      experience: p.getAll('experience'),
      area: p.getAll('area'),
      workFormat: p.getAll('work_format'),
    };
    const all = resumeHash && (!resume || !loggedIn) ? [] : search(q);
    const perPageRaw = Number(p.get('items_on_page') ?? 50);
    const perPage = ITEMS_ON_PAGE.has(perPageRaw) ? perPageRaw : 50;
    const pages = Math.min(Math.ceil(all.length / perPage), Math.floor(2000 / perPage));
    const pageRaw = Number(p.get('page') ?? 0);
    const page = Number.isInteger(pageRaw) && pageRaw >= 0 ? pageRaw : 0;
    const params = new URLSearchParams(p);
    for (const k of ['page', 'hhtmFrom', 'otk_append', 'otk_format']) params.delete(k);
    return {
      vacancies: page < pages ? all.slice(page * perPage, (page + 1) * perPage) : [],
      totalResults: all.length,
      page,
      perPage,
      pages,
      params,
      text,
      resumeTitle: resume ? resume.title : null,
      appliedIds: new Set(state.appliedByVacancy.keys()),
      showSnippets: p.get('enable_snippets') !== 'false',
      ssr: p.has('otk_ssr') && Number.isInteger(Number(p.get('otk_ssr'))) ? Number(p.get('otk_ssr')) : Infinity,
      stateEncoding: (['plain', 'none', 'escaped'] as const).find((e) => e === p.get('otk_state')) ?? 'escaped',
      resumeUnknown: Boolean(resumeHash && !resume),
    };
  }

  function searchState(m: ListingModel, origin: string): Record<string, unknown> {
    return {
      vacancySearchResult: {
        vacancies: m.vacancies.map((v) => vacancyStateItem(v, origin, m.appliedIds.has(v.id))),
        totalResults: m.totalResults,
        paging: { page: m.page, perPage: m.perPage, pages: m.pages },
        criteria: { text: m.text, items_on_page: m.perPage, page: m.page },
      },
    };
  }

  function send(
    res: ServerResponse,
    status: number,
    type: string,
    body: string,
    headers: Record<string, string | string[]> = {},
  ): void {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', server: 'ddos-guard', ...headers });
    res.end(body);
  }
  const sendJson = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string | string[]> = {},
  ) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
  const sendHtml = (
    res: ServerResponse,
    status: number,
    body: string,
    headers: Record<string, string | string[]> = {},
  ) => send(res, status, 'text/html; charset=utf-8', withPageScript(body), headers);
  /** The test's page script (api.pageScript), first thing in <head>. */
  const withPageScript = (html: string) => {
    const script = api.pageScript;
    if (!script) return html;
    const tag = `<script>${script.replace(/<\/script/gi, '<\\/script')}</script>`;
    const at = html.search(/<head[^>]*>/i);
    return at < 0 ? tag + html : html.replace(/<head[^>]*>/i, (h) => h + tag);
  };
  const redirect = (res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}) => {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(302, { location, 'cache-control': 'no-store', ...headers });
    res.end();
  };

  /** Set-Cookie headers a page response carries: `_xsrf` always, `hhtoken` when logged in (expired when logged out). */
  function pageCookies(host: string, cookies: Record<string, string>): string[] {
    const domain = cookieDomain(host);
    const attrs = `Path=/; Secure; SameSite=None${domain ? `; Domain=${domain}` : ''}`;
    const out: string[] = [];
    if (cookies._xsrf !== state.xsrf) out.push(`_xsrf=${state.xsrf}; ${attrs}`);
    if (!state.behaviour.loggedOut && cookies.hhtoken !== state.sessionToken)
      out.push(`hhtoken=${state.sessionToken}; ${attrs}; HttpOnly; Max-Age=2592000`);
    if (state.behaviour.loggedOut && cookies.hhtoken) out.push(`hhtoken=; ${attrs}; HttpOnly; Max-Age=0`);
    return out;
  }

  function captchaUrl(pathWithQuery: string): string {
    return `/account/captcha?state=fake${seed}&backurl=${encodeURIComponent(pathWithQuery)}`;
  }

  async function handleControl(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: Buffer | null,
  ): Promise<void> {
    const route = url.pathname.slice('/__fake/'.length);
    const parseJson = (): unknown => {
      try {
        return body && body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return undefined;
      }
    };
    if (req.method === 'GET' && route === 'state') return sendJson(res, 200, snapshot());
    if (req.method === 'GET' && route === 'requests') {
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 200) || 200, logLimit);
      return sendJson(res, 200, { total: requests.length, requests: requests.slice(-limit) });
    }
    if (req.method === 'GET' && route === 'kinds') return sendJson(res, 200, kinds());
    if (req.method === 'POST' && route === 'negotiations') {
      const r = negotiationControl(state, parseJson(), nowOf(state));
      return sendJson(res, r.status, r.body);
    }
    if (req.method === 'POST' && route === 'behave') {
      const parsed = BehaviourPatchSchema.safeParse(parseJson());
      if (!parsed.success) return sendJson(res, 400, { error: 'bad behaviour', issues: parsed.error.issues });
      applyBehaviour(state, parsed.data);
      return sendJson(res, 200, { behaviour: state.behaviour });
    }
    if (req.method === 'POST' && route === 'reset') {
      api.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && route === 'clock') {
      const parsed = z.object({ advanceMs: z.number().finite() }).safeParse(parseJson());
      if (!parsed.success) return sendJson(res, 400, { error: 'expected {advanceMs:number}' });
      state.clockOffsetMs += parsed.data.advanceMs;
      return sendJson(res, 200, { clockOffsetMs: state.clockOffsetMs });
    }
    return sendJson(res, 404, {
      error: 'unknown control endpoint',
      endpoints: ['GET state', 'GET requests', 'GET kinds', 'POST behave', 'POST reset', 'POST clock'],
    });
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<{ route: RouteClass; fault: Fault['type'] | null; form: Record<string, string> | null }> {
    const method = req.method ?? 'GET';
    const host = (req.headers.host ?? 'hh.ru').slice(0, 200);
    const origin = `https://${host}`;
    const url = new URL(req.url ?? '/', 'https://hh.ru');
    const route = classify(method, url.pathname);
    const cookies = parseCookies(req.headers.cookie);
    let body: Buffer | null = null;
    let form: Record<string, string> | null = null;
    if (method === 'POST' || method === 'PUT') {
      body = await readBody(req);
      if (body === null) {
        sendJson(res, 413, { error: 'payload-too-large' });
        return { route, fault: null, form };
      }
      const ct = String(req.headers['content-type'] ?? '');
      if (
        route !== 'control' &&
        (ct.startsWith('multipart/form-data') || ct.startsWith('application/x-www-form-urlencoded'))
      ) {
        try {
          form = await parseForm(ct, body);
        } catch {
          form = {};
        }
      }
    }
    if (route === 'control') {
      await handleControl(req, res, url, body);
      return { route, fault: null, form };
    }

    // misbehaviour (never on the login/captcha pages themselves)
    const exempt = url.pathname.startsWith('/account/');
    const delay = exempt ? 0 : delayFor(state, route);
    if (delay > 0) await sleep(delay);
    if (closing) {
      req.socket.destroy();
      return { route, fault: 'drop', form };
    }
    const fault = exempt ? null : faultFor(state, route);
    if (fault?.type === 'drop') {
      req.socket.destroy();
      return { route, fault: 'drop', form };
    }
    if (fault?.type === '5xx') {
      sendHtml(res, fault.status, renderError5xx(fault.status));
      return { route, fault: '5xx', form };
    }
    const now = nowOf(state);
    const loggedIn = !state.behaviour.loggedOut;
    const ctx: PageContext = { origin, pathname: url.pathname, search: url.search, loggedIn, xsrf: state.xsrf, now };
    const setCookies = pageCookies(host, cookies);
    if (fault?.type === 'captcha') {
      const back = url.pathname + url.search;
      if (fault.mode === 'redirect') redirect(res, captchaUrl(back));
      else if (fault.mode === 'html') sendHtml(res, 200, renderCaptcha(ctx, back), { 'set-cookie': setCookies });
      else
        sendJson(res, 403, {
          errors: [
            {
              type: 'captcha_required',
              value: 'captcha_required',
              captcha_url: `https://hh.ru${captchaUrl(back)}`,
              fallback_url: `https://hh.ru${back}`,
            },
          ],
          hhcaptcha: { isBot: true },
        });
      return { route, fault: 'captcha', form };
    }

    // routes
    const p = url.pathname.replace(/\/+$/, '') || '/';
    if (route === 'apply') {
      const out = handleApply(state, byId, {
        cookies,
        xsrfHeader: (req.headers['x-xsrftoken'] as string | undefined) ?? null,
        fields: form ?? {},
        now,
      });
      if (out.kind === 'redirect') redirect(res, out.location);
      else sendJson(res, out.status, out.body);
      return { route, fault: null, form };
    }
    const chatik = handleChatik(state, {
      method,
      path: p,
      query: url.searchParams,
      cookies,
      xsrfHeader: (req.headers['x-xsrftoken'] as string | undefined) ?? null,
      body,
      now,
      loggedIn,
    });
    if (chatik) {
      sendJson(res, chatik.status, chatik.body, { 'set-cookie': setCookies });
      return { route, fault: null, form };
    }
    if (method !== 'GET' && method !== 'HEAD' && p !== '/account/captcha' && p !== '/account/login') {
      sendJson(res, 405, { error: 'method-not-allowed' });
      return { route, fault: null, form };
    }
    if (p === '/favicon.ico') {
      res.writeHead(204).end();
      return { route, fault: null, form };
    }
    if (p === '/' || p === '/search/vacancy') {
      const m = listingModel(url, loggedIn);
      if (!loggedIn && url.searchParams.has('resume'))
        redirect(res, `/account/login?backurl=${encodeURIComponent(url.pathname + url.search)}`);
      else sendHtml(res, 200, renderListing(ctx, m, searchState(m, origin)), { 'set-cookie': setCookies });
      return { route, fault: null, form };
    }
    if (p === '/shards/vacancy/search') {
      const m = listingModel(url, loggedIn);
      if (url.searchParams.get('otk_format') === 'html')
        sendHtml(res, 200, renderCards(m.vacancies, origin, m.showSnippets));
      else sendJson(res, 200, searchState(m, origin));
      return { route, fault: null, form };
    }
    const vm = /^\/vacancy\/(\d{1,12})$/.exec(p);
    if (vm) {
      const v = byId.get(Number(vm[1]));
      if (!v) sendHtml(res, 404, renderNotFound(ctx), { 'set-cookie': setCookies });
      else
        sendHtml(res, 200, renderVacancy(ctx, v, state.appliedByVacancy.get(v.id), layoutPref), {
          'set-cookie': setCookies,
        });
      return { route, fault: null, form };
    }
    const rm = /^\/resume\/([0-9a-f]{20,64})$/i.exec(p);
    if (rm) {
      const r = RESUMES.find((x) => x.hash === rm[1]!.toLowerCase());
      if (!loggedIn)
        redirect(res, `/account/login?backurl=${encodeURIComponent(url.pathname + url.search)}`, {
          'set-cookie': setCookies,
        });
      else if (!r) sendHtml(res, 404, renderNotFound(ctx), { 'set-cookie': setCookies });
      else sendHtml(res, 200, renderResumePage(ctx, r), { 'set-cookie': setCookies });
      return { route, fault: null, form };
    }
    if (p === '/applicant/resumes' || p === '/applicant/negotiations') {
      if (!loggedIn) {
        redirect(res, `/account/login?backurl=${encodeURIComponent(url.pathname + url.search)}`, {
          'set-cookie': setCookies,
        });
      } else if (p === '/applicant/resumes') {
        sendHtml(res, 200, renderResumes(ctx), { 'set-cookie': setCookies });
      } else {
        sendHtml(res, 200, renderNegotiationsPage(ctx, state, byId), { 'set-cookie': setCookies });
      }
      return { route, fault: null, form };
    }
    if (p === '/applicant/vacancy_response') {
      const id = Number(url.searchParams.get('vacancyId'));
      if (!loggedIn) redirect(res, `/account/login?backurl=${encodeURIComponent(url.pathname + url.search)}`);
      else if (byId.get(id)?.kind.hasTest)
        sendHtml(res, 200, renderQuestionnaire(ctx, byId.get(id)!), { 'set-cookie': setCookies });
      else redirect(res, byId.has(id) ? `/vacancy/${id}?fromResponse=true` : '/search/vacancy');
      return { route, fault: null, form };
    }
    if (p === '/account/login') {
      sendHtml(res, 200, renderLogin(ctx, url.searchParams.get('backurl') ?? '/'), { 'set-cookie': setCookies });
      return { route, fault: null, form };
    }
    if (p === '/account/captcha') {
      const back = (form?.backurl ?? url.searchParams.get('backurl') ?? '/').replace(/^(?!\/)/, '/');
      if (method === 'POST') {
        // "solving" the fake captcha switches captcha mode off, as a person would in the demo
        applyBehaviour(state, { captcha: false });
        redirect(res, back.startsWith('//') ? '/' : back);
      } else sendHtml(res, 200, renderCaptcha(ctx, back), { 'set-cookie': setCookies });
      return { route, fault: null, form };
    }
    sendHtml(res, 404, renderNotFound(ctx), { 'set-cookie': setCookies });
    return { route, fault: null, form };
  }

  const server = https.createServer(
    { key: tls.key, cert: tls.cert, keepAliveTimeout: 5_000, requestTimeout: 30_000 },
    (req, res) => {
      const started = performance.now();
      const time = nowOf(state);
      const url = new URL(req.url ?? '/', 'https://hh.ru');
      let outcome: { route: RouteClass; fault: Fault['type'] | null; form: Record<string, string> | null } = {
        route: classify(req.method ?? 'GET', url.pathname),
        fault: null,
        form: null,
      };
      let recorded = false;
      const record = () => {
        if (recorded || outcome.route === 'control') return;
        recorded = true;
        const headers: Record<string, string> = {};
        for (const h of HEADER_SUBSET) {
          const v = req.headers[h];
          if (typeof v === 'string') headers[h] = v.slice(0, 500);
        }
        const c = parseCookies(req.headers.cookie);
        const cookies: Record<string, string> = {};
        for (const k of ['_xsrf', 'hhtoken']) if (c[k] !== undefined) cookies[k] = c[k] ?? '';
        const form = outcome.form
          ? Object.fromEntries(Object.entries(outcome.form).map(([k, v]) => [k, v.slice(0, 12_000)]))
          : null;
        requests.push({
          seq: ++seq,
          time,
          method: req.method ?? 'GET',
          host: String(req.headers.host ?? ''),
          path: url.pathname,
          query: queryRecord(url.searchParams),
          headers,
          cookies,
          form,
          status: outcome.fault === 'drop' ? 0 : res.headersSent ? res.statusCode : 0,
          route: outcome.route,
          fault: outcome.fault,
          durationMs: Math.round(performance.now() - started),
        });
        if (requests.length > logLimit) requests.splice(0, requests.length - logLimit);
      };
      handle(req, res)
        .then((o) => {
          // recorded as soon as the handler has answered (before the client can observe the response)
          outcome = o;
          record();
        })
        .catch((e: unknown) => {
          if (!res.headersSent && !res.destroyed)
            sendJson(res, 500, { error: 'fake-hh internal error', message: String(e) });
          record();
        });
    },
  );
  server.on('secureConnection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => {
    /* a client that gave up mid-handshake: nothing to do */
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0);

  function kinds(): Record<KindName, number[]> {
    const out: Record<KindName, number[]> = { normal: [], hasTest: [], letterRequired: [], archived: [], external: [] };
    for (const v of vacancies) {
      const k = v.kind;
      const n = Number(k.hasTest) + Number(k.letterRequired) + Number(k.archived) + Number(k.external);
      if (n === 0) out.normal.push(v.id);
      else if (n === 1)
        out[k.hasTest ? 'hasTest' : k.letterRequired ? 'letterRequired' : k.archived ? 'archived' : 'external'].push(
          v.id,
        );
    }
    return out;
  }

  function snapshot(): Record<string, unknown> {
    const now = nowOf(state);
    return {
      port,
      dataSource: data.source,
      vacancyCount: vacancies.length,
      behaviour: state.behaviour,
      budget: state.budget,
      xsrf: state.xsrf,
      sessionToken: state.sessionToken,
      resumes: RESUMES.map((r) => ({ hash: r.hash, title: r.title })),
      applications: state.applications,
      appliedInLastDay: appliedInLastDay(state, now),
      clockOffsetMs: state.clockOffsetMs,
      requestsRecorded: requests.length,
    };
  }

  const api: FakeHh = {
    port,
    origin: 'https://hh.ru',
    url: (path: string) => `https://hh.ru${path.startsWith('/') ? path : `/${path}`}`,
    localUrl: (path: string) => `https://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`,
    chromiumArgs: () => [
      `--host-resolver-rules=MAP hh.ru 127.0.0.1:${port}, MAP *.hh.ru 127.0.0.1:${port}, MAP hh.kz 127.0.0.1:${port}, MAP *.hh.kz 127.0.0.1:${port}, MAP rabota.by 127.0.0.1:${port}, MAP hh.uz 127.0.0.1:${port}`,
      '--ignore-certificate-errors',
    ],
    async close() {
      closing = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const s of sockets) s.destroy();
      sockets.clear();
      await closed;
    },
    requests,
    get applications() {
      return state.applications;
    },
    behave(b: BehaviourPatch) {
      applyBehaviour(state, BehaviourPatchSchema.parse(b));
    },
    reset() {
      state = makeState();
      requests.splice(0, requests.length);
      searchCache.clear();
    },
    advanceClock(ms: number) {
      state.clockOffsetMs += ms;
    },
    get state() {
      return state;
    },
    vacancies,
    vacancy: (id: number) => byId.get(id),
    vacancyKinds: kinds,
    resumes: RESUMES,
    cookieHeader: () => `_xsrf=${state.xsrf}; hhtoken=${state.sessionToken}`,
    cookies: (domain = 'hh.ru') => [
      { name: '_xsrf', value: state.xsrf, domain, path: '/', secure: true, httpOnly: false, sameSite: 'None' },
      { name: 'hhtoken', value: state.sessionToken, domain, path: '/', secure: true, httpOnly: true, sameSite: 'None' },
    ],
    dataSource: data.source,
    dataLoadMs: Math.round(data.loadMs),
    pageScript: null,
    negotiations: {
      set: (vacancyId, action) => setNegotiation(state, vacancyId, action, nowOf(state)),
      employerWrites: (vacancyId, text) => employerWrites(state, vacancyId, text, nowOf(state)),
      get sent() {
        return chatSends(state);
      },
    },
  };
  return api;
}

/** For tests that want the InitialState of an HTML page. */
export function extractInitialState(html: string): Record<string, unknown> | null {
  // Plain JSON, or `&#34;`-escaped as hh's raw server answer (the listing's default).
  const text = stateTextFromHtml(html);
  const json = text === null ? null : parseMaybeEscapedJson(text);
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
}
