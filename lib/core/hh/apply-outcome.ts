import * as z from 'zod/mini';
import { HH_PATHS } from './urls';

/**
 * Every answer of `POST /applicant/vacancy_response/popup` mapped to one typed outcome (hh-site.md §2.2–2.3,
 * §4; real success shapes in ../shared/fixtures/hh/apply/*.md). The queue decides what each means for the
 * job (lib/worker/queue/commit.ts); this file only says what hh said.
 *
 * Precedence: session problems first (captcha/login HTML, xsrf), then `success`, then "already applied"
 * (before test/letter: a vacancy we already answered may still report its questionnaire), then the rest.
 * A 2xx answer that carries none of these signals is `unknown`, never a refusal: only hh's own words clear
 * "maybe sent".
 */
export type ApplyOutcome =
  | { kind: 'applied'; status: number; topicId?: string; chatId?: string; responseLabel?: string }
  | { kind: 'already_applied'; status: number; topicId?: string; chatId?: string }
  /** Employer questionnaire: the user answers it on hh (link). */
  | { kind: 'test_required'; status: number; link: string }
  | { kind: 'letter_required'; status: number }
  /** Archived, removed or unknown vacancy. */
  | { kind: 'vacancy_gone'; status: number; detail: string }
  /** A "direct" vacancy: the employer takes responses on its own site. */
  | { kind: 'external'; status: number; url?: string }
  /** hh's own limit (200 per rolling 24 h). */
  | { kind: 'daily_limit'; status: number }
  /** Captcha or login page/JSON instead of an answer: pause everything, tell the user. */
  | { kind: 'captcha_or_login'; status: number; which: 'captcha' | 'login'; url?: string; detail: string }
  /** CSRF token refused (after the client's one refresh). */
  | { kind: 'xsrf'; status: number }
  /** Any other explicit refusal with a code (resume not found, letter too long, policy…): not retried. */
  | { kind: 'rejected'; status: number; code: string; detail: string }
  | { kind: 'server_error'; status: number; retryAfterMs?: number; detail: string }
  | { kind: 'network'; status: 0; detail: string }
  /**
   * A 2xx answer in a shape hh never sends (`{}`, `{"success":1}`, an empty body, an HTML page that is neither
   * captcha nor login…): the request reached hh and nothing says it was refused, so the application MAY exist.
   */
  | { kind: 'unknown'; status: number; detail: string };

export type ApplyOutcomeKind = ApplyOutcome['kind'];

const idLike = z.pipe(z.union([z.string(), z.number()]), z.transform(String));
const opt = <T extends z.ZodMiniType>(s: T) => z.catch(z.optional(s), undefined);

/** Success (2026-03/05 captures): `success` is the STRING "true"; ids are strings. Extra fields pass. */
export const applySuccessSchema = z.looseObject({
  success: z.union([z.literal('true'), z.literal(true)]),
  topic_id: opt(idLike),
  chat_id: opt(idLike),
  response_label: opt(z.string()),
  vacancy_id: opt(idLike),
});

const topicSchema = z.looseObject({ id: opt(idLike), chatId: opt(idLike) });

/** Everything the error answers were seen to carry (§2.3). All optional: unknown shapes still classify. */
export const applyErrorSchema = z.looseObject({
  error: opt(z.string()),
  errors: opt(z.array(z.looseObject({ type: opt(z.string()), value: opt(z.string()), captcha_url: opt(z.string()) }))),
  xsrfError: opt(z.boolean()),
  errorPage: opt(z.looseObject({ xsrfError: opt(z.boolean()) })),
  loginRequired: opt(z.boolean()),
  response_url: opt(z.string()),
  responseStatus: opt(
    z.looseObject({
      alreadyApplied: opt(z.boolean()),
      testRequired: opt(z.boolean()),
      negotiations: opt(z.looseObject({ topicList: opt(z.array(topicSchema)) })),
    }),
  ),
  hhcaptcha: opt(z.looseObject({ isBot: opt(z.boolean()) })),
  recaptcha: opt(z.looseObject({ isBot: opt(z.boolean()) })),
});

export interface RawAnswer {
  status: number;
  /** The URL the answer finally came from (after redirects). */
  url: string;
  contentType: string;
  body: string;
  /** `Retry-After` header, if any. */
  retryAfter?: string | null;
}

/** Where hh sends a request it will not serve (captcha, login) and how those pages look. */
const CAPTCHA_PATH = /\/(account\/captcha|captcha|checkpoint|nocaptcha)(\/|\?|$)/i;
const LOGIN_PATH = /\/account\/(login|signup)(\/|\?|$)/i;
const CAPTCHA_HTML = /smartcaptcha|captcha\.yandex|account-captcha|name="captchaText"|hhcaptcha|data-qa="captcha/i;
const LOGIN_HTML = /\/account\/login|data-qa="login|account-login|name="username"|type="password"/i;
const ALREADY = /already|уже/i;

function retryAfterMs(v: string | null | undefined, now = Date.now()): number | undefined {
  if (!v) return undefined;
  const secs = Number(v);
  if (Number.isFinite(secs) && secs >= 0) return Math.min(secs * 1000, 6 * 3600_000);
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, Math.min(at - now, 6 * 3600_000)) : undefined;
}

/** Path and query of an answer's final URL (the string itself when it is no URL). */
export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

/** The questionnaire page hh itself opens for a vacancy with tests (hh-site.md §2.1). */
export function testLink(origin: string, vacancyId: string): string {
  return `${origin}${HH_PATHS.applyPage}?vacancyId=${encodeURIComponent(vacancyId)}&startedWithQuestion=false`;
}

export interface ClassifyContext {
  vacancyId: string;
  /** https://hh.ru (or the regional family domain) — for links. */
  origin: string;
}

function parseJson(answer: RawAnswer): unknown {
  const text = answer.body.trim();
  const looksJson = /json/i.test(answer.contentType) || text.startsWith('{');
  if (!looksJson || !text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

type SessionBlocked = Extract<ApplyOutcome, { kind: 'captcha_or_login' }>;

/**
 * Any request of the user's session (the apply POST, a page GET) that fetch followed to the captcha or login
 * page: the URL says it all. `what` prefixes the detail ("questionnaire page redirected to …").
 */
export function redirectedToSessionPage(answer: RawAnswer, what = ''): SessionBlocked | null {
  const finalPath = pathOf(answer.url);
  const which = CAPTCHA_PATH.test(finalPath) ? 'captcha' : LOGIN_PATH.test(finalPath) ? 'login' : null;
  return (
    which && {
      kind: 'captcha_or_login',
      status: answer.status,
      which,
      url: answer.url,
      detail: `${what ? `${what} ` : ''}redirected to ${finalPath.slice(0, 120)}`,
    }
  );
}

/** A captcha or login page (or 401/403) where hh's own content was expected; `detail` words it for the log. */
export function sessionPageInstead(
  answer: RawAnswer,
  detail: (page: 'captcha' | 'login') => string,
): SessionBlocked | null {
  const { status } = answer;
  if (CAPTCHA_HTML.test(answer.body))
    return { kind: 'captcha_or_login', status, which: 'captcha', detail: detail('captcha') };
  if (status === 401 || status === 403 || LOGIN_HTML.test(answer.body))
    return { kind: 'captcha_or_login', status, which: 'login', detail: detail('login') };
  return null;
}

/** 429 (with hh's Retry-After) and 5xx: the site is busy or failing, retried with backoff. `detail` as logged. */
export function serverError(answer: RawAnswer, detail: string): Extract<ApplyOutcome, { kind: 'server_error' }> {
  const ms = answer.status === 429 ? retryAfterMs(answer.retryAfter) : undefined;
  return ms === undefined
    ? { kind: 'server_error', status: answer.status, detail }
    : { kind: 'server_error', status: answer.status, retryAfterMs: ms, detail };
}

/** A short description of a body we did not understand, for the log (never more than 80 characters of it). */
function bodyShape(answer: RawAnswer): string {
  const text = answer.body.trim();
  if (!text) return 'empty body';
  const flat = text.replace(/\s+/g, ' ');
  return `${answer.contentType.split(';')[0] || 'no content type'}: ${flat.length > 80 ? `${flat.slice(0, 79)}…` : flat}`;
}

/** Classifies one HTTP answer. Pure; never throws. */
export function classifyApplyAnswer(answer: RawAnswer, ctx: ClassifyContext): ApplyOutcome {
  const { status } = answer;
  // 1. Redirected to captcha/login (fetch follows redirects).
  const redirected = redirectedToSessionPage(answer);
  if (redirected) return redirected;

  const json = parseJson(answer);
  if (json === undefined || json === null || typeof json !== 'object' || Array.isArray(json)) {
    // 2. Not JSON.
    if (status === 429) return serverError(answer, 'HTTP 429 (rate limited)');
    if (status >= 500) return serverError(answer, `HTTP ${status}`);
    const page = sessionPageInstead(answer, (p) => `${p} page instead of JSON (HTTP ${status})`);
    if (page) return page;
    // A 2xx with an empty body, bare JSON value or some other page: the handler may have run.
    if (status >= 200 && status < 300)
      return { kind: 'unknown', status, detail: `HTTP ${status}, ${bodyShape(answer)}` };
    // Any other HTML where JSON was asked for: something stands between us and hh (anti-bot, maintenance
    // page, a portal login). Treated as a session problem: pause and let a person look.
    return {
      kind: 'captcha_or_login',
      status,
      which: 'captcha',
      detail: `HTML instead of JSON (HTTP ${status}, ${answer.contentType || 'no content type'})`,
    };
  }

  // 3. Success first (a success may carry requiredAdditionalData/responseStatus.test: still a success).
  const ok = applySuccessSchema.safeParse(json);
  if (ok.success) {
    const out: Extract<ApplyOutcome, { kind: 'applied' }> = { kind: 'applied', status };
    if (ok.data.topic_id) out.topicId = ok.data.topic_id;
    if (ok.data.chat_id) out.chatId = ok.data.chat_id;
    if (ok.data.response_label) out.responseLabel = ok.data.response_label;
    return out;
  }

  const e = applyErrorSchema.parse(json);
  const code = (e.error ?? '').trim();
  const errs = e.errors ?? [];
  const types = errs.map((x) => x.type ?? '');
  const values = errs.map((x) => x.value ?? '');

  // 4. Session.
  if (types.includes('captcha_required') || e.hhcaptcha?.isBot === true || e.recaptcha?.isBot === true) {
    const url = errs.find((x) => x.captcha_url)?.captcha_url;
    return url
      ? { kind: 'captcha_or_login', status, which: 'captcha', url, detail: 'captcha_required' }
      : { kind: 'captcha_or_login', status, which: 'captcha', detail: 'captcha flag in JSON' };
  }
  if (e.xsrfError === true || e.errorPage?.xsrfError === true || code === 'xsrf') return { kind: 'xsrf', status };
  if (
    status === 401 ||
    e.loginRequired === true ||
    types.some((t) => /forbidden|not_authorized|unauthorized|oauth/.test(t)) ||
    values.includes('not_authorized')
  ) {
    return {
      kind: 'captcha_or_login',
      status,
      which: 'login',
      detail: `not logged in (HTTP ${status}${code ? `, ${code}` : ''})`,
    };
  }

  // 5. Already applied.
  if (
    /^already[-_]?applied$/i.test(code) ||
    e.responseStatus?.alreadyApplied === true ||
    values.some((v) => ALREADY.test(v)) ||
    types.some((t) => /already/i.test(t))
  ) {
    const topic = e.responseStatus?.negotiations?.topicList?.[0];
    const out: Extract<ApplyOutcome, { kind: 'already_applied' }> = { kind: 'already_applied', status };
    if (topic?.id) out.topicId = topic.id;
    if (topic?.chatId) out.chatId = topic.chatId;
    return out;
  }

  // 6. hh's daily cap.
  if (code === 'negotiations-limit-exceeded' || types.includes('limit_exceeded') || code === 'limit_exceeded')
    return { kind: 'daily_limit', status };

  // 7. The vacancy wants something from the person.
  if (code === 'test-required' || code === 'test_required' || e.responseStatus?.testRequired === true) {
    return { kind: 'test_required', status, link: testLink(ctx.origin, ctx.vacancyId) };
  }
  if (/^letter[-_]required$/i.test(code) || types.includes('letter_required'))
    return { kind: 'letter_required', status };
  if (code === 'direct-vacancy' || code === 'vacancy_direct' || e.response_url) {
    return e.response_url ? { kind: 'external', status, url: e.response_url } : { kind: 'external', status };
  }

  // 8. Gone: `{"error":"unknown"}` alone, or with errors[{type:"not_found"}] (NIK); archived variants.
  const notFound = types.find((t) => t === 'not_found' || t === 'vacancy_not_found' || t === 'archived');
  if (
    notFound ||
    /^(vacancy[-_])?(archived|not[-_]found|closed)$/i.test(code) ||
    (code === 'unknown' && errs.length === 0)
  ) {
    return { kind: 'vacancy_gone', status, detail: [code, ...types, ...values].filter(Boolean).join(' ') || 'gone' };
  }

  // 9. Transient.
  if (status >= 500) return { kind: 'server_error', status, detail: `HTTP ${status}${code ? ` ${code}` : ''}` };
  if (status === 429) {
    const ms = retryAfterMs(answer.retryAfter);
    return ms === undefined
      ? { kind: 'server_error', status, detail: 'HTTP 429' }
      : { kind: 'server_error', status, retryAfterMs: ms, detail: 'HTTP 429' };
  }

  // 10. A 2xx saying nothing hh says (`{}`, `{"success":1}`, `{"success":"false"}`, empty flags): not a refusal.
  if (status >= 200 && status < 300 && !code && !types.some(Boolean))
    return { kind: 'unknown', status, detail: `HTTP ${status}, ${bodyShape(answer)}` };

  // 11. Any other refusal, by its code (resume_not_found, letter-too-long, resource_policy_violation, …).
  const rejectedCode = types.find(Boolean) || code || `http_${status}`;
  return {
    kind: 'rejected',
    status,
    code: rejectedCode.slice(0, 80),
    detail: [code, ...types, ...values].filter(Boolean).join(' ').slice(0, 200) || `HTTP ${status}`,
  };
}

/** One line for the event log. */
export function describeOutcome(o: ApplyOutcome): string {
  switch (o.kind) {
    case 'applied':
      return `applied (topic ${o.topicId ?? '?'}, ${o.responseLabel ?? 'no label'})`;
    case 'already_applied':
      return `hh says already applied${o.topicId ? ` (topic ${o.topicId})` : ''}`;
    case 'test_required':
      return 'employer questionnaire must be answered on hh';
    case 'letter_required':
      return 'a cover letter is required';
    case 'vacancy_gone':
      return `vacancy archived or gone (${o.detail})`;
    case 'external':
      return `responses on the employer's site${o.url ? ` (${o.url.slice(0, 100)})` : ''}`;
    case 'daily_limit':
      return 'hh daily limit reached (negotiations-limit-exceeded)';
    case 'captcha_or_login':
      return `${o.which === 'captcha' ? 'captcha' : 'login required'}: ${o.detail}`;
    case 'xsrf':
      return `xsrf token refused (HTTP ${o.status}) after a refresh`;
    case 'rejected':
      return `refused by hh: ${o.code}${o.detail && o.detail !== o.code ? ` (${o.detail})` : ''}`;
    case 'server_error':
      return `server error: ${o.detail}${o.retryAfterMs !== undefined ? `, retry after ${Math.round(o.retryAfterMs / 1000)} s` : ''}`;
    case 'network':
      return `network: ${o.detail}`;
    case 'unknown':
      return `hh's answer was not understood (${o.detail}): the application may have been sent`;
  }
}
