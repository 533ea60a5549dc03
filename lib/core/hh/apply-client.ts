import { HH_ORIGIN, HH_PATHS } from './urls';
import { classifyApplyAnswer, type ApplyOutcome, type RawAnswer } from './apply-outcome';

/**
 * Applies to a vacancy the way hh.ru's own "Откликнуться" button does (hh-site.md §2.1, real capture
 * ../shared/fixtures/hh/apply/hh_popup_apply_request_response_2026-03.md):
 *
 *   POST https://hh.ru/applicant/vacancy_response/popup   multipart/form-data, credentials: include
 *   X-Xsrftoken: <_xsrf cookie>   X-Requested-With: XMLHttpRequest   Accept: application/json
 *   _xsrf, vacancy_id, resume_hash, ignore_postponed=true, incomplete=false,
 *   mark_applicant_visible_in_vacancy_country=false, country_ids=[], letter, lux=true, withoutTest=no,
 *   hhtmFromLabel="", hhtmSourceLabel=""   (the capture's field order)
 *
 * `_xsrf` comes from the COOKIE, not from page HTML (several xsrfTokens in a page, the first rotates → 403;
 * S3R tests). On an xsrf refusal the client refreshes the cookie once (a GET of the site's front page hands
 * out a fresh `_xsrf`) and tries again; a second refusal is returned as `xsrf`. Nothing here throws: network
 * failures and timeouts come back as `{kind:'network'}`.
 *
 * The client is stateless and has no retry loop of its own beyond the xsrf refresh: retries, backoff and
 * crash recovery belong to the queue, which knows whether an earlier attempt may have landed.
 */

export const APPLY_PATH = HH_PATHS.applyPopup;

export interface ApplyRequest {
  vacancyId: string;
  resumeHash: string;
  letter: string;
  /** https://hh.ru (default) or the family domain the vacancy lives on (https://hh.kz, …). */
  origin?: string;
  /**
   * The employer questionnaire's fields (lib/core/hh/questions.ts `questionnaireFields`: uidPk, guid, startTime,
   * testRequired, task_<id>_text…), sent right after `_xsrf` as the site does (2026-05 capture). Absent = a plain apply.
   */
  questionnaire?: ReadonlyArray<readonly [string, string]>;
}

/** A GET of an hh page with the user's session: the raw answer (classified by the caller) or a network failure. */
export type PageAnswer = { kind: 'answer'; answer: RawAnswer } | { kind: 'network'; detail: string };

export interface ApplyClientDeps {
  fetch: typeof fetch;
  /** Reads a cookie of the site (background: `browser.cookies.get({url, name})`). null = none. */
  readCookie: (url: string, name: string) => Promise<string | null>;
  /** Per-request timeout (default 20 s). */
  timeoutMs?: number;
}

export interface ApplyClient {
  apply(req: ApplyRequest, signal?: AbortSignal): Promise<ApplyOutcome>;
  /** GET of a page of the same site (the questionnaire page). Optional: a client without it never answers questionnaires. */
  getPage?(url: string, signal?: AbortSignal): Promise<PageAnswer>;
}

/** The form exactly as the site builds it (field order of the 2026-03 capture). */
export function buildApplyForm(xsrf: string, req: ApplyRequest): FormData {
  const form = new FormData();
  form.append('_xsrf', xsrf);
  for (const [name, value] of req.questionnaire ?? []) form.append(name, value);
  form.append('vacancy_id', req.vacancyId);
  form.append('resume_hash', req.resumeHash);
  form.append('ignore_postponed', 'true');
  form.append('incomplete', 'false');
  form.append('mark_applicant_visible_in_vacancy_country', 'false');
  form.append('country_ids', '[]');
  form.append('letter', req.letter);
  form.append('lux', 'true');
  form.append('withoutTest', 'no');
  form.append('hhtmFromLabel', '');
  form.append('hhtmSourceLabel', '');
  return form;
}

function describeError(e: unknown): string {
  if (e instanceof Error) {
    if (e.name === 'TimeoutError') return 'timed out';
    if (e.name === 'AbortError') return 'aborted';
    const cause = (e as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${e.message}: ${cause.message}` : e.message;
  }
  return String(e);
}

function withTimeout(ms: number, outer?: AbortSignal): AbortSignal {
  const t = AbortSignal.timeout(ms);
  return outer ? AbortSignal.any([t, outer]) : t;
}

export function createApplyClient(deps: ApplyClientDeps): ApplyClient {
  const timeoutMs = deps.timeoutMs ?? 20_000;

  async function post(origin: string, xsrf: string, req: ApplyRequest, signal?: AbortSignal): Promise<ApplyOutcome> {
    let res: Response;
    let body: string;
    try {
      res = await deps.fetch(`${origin}${APPLY_PATH}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'X-Xsrftoken': xsrf, 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' },
        body: buildApplyForm(xsrf, req),
        redirect: 'follow',
        signal: withTimeout(timeoutMs, signal),
      });
      body = await res.text();
    } catch (e) {
      return { kind: 'network', status: 0, detail: describeError(e) };
    }
    const answer: RawAnswer = {
      status: res.status,
      url: res.url || `${origin}${APPLY_PATH}`,
      contentType: res.headers.get('content-type') ?? '',
      body,
      retryAfter: res.headers.get('retry-after'),
    };
    return classifyApplyAnswer(answer, { vacancyId: req.vacancyId, origin });
  }

  /** A GET of the front page: hh sets `_xsrf` on every page response. Failures are ignored (the retry tells). */
  async function refreshXsrf(origin: string, signal?: AbortSignal): Promise<void> {
    try {
      const res = await deps.fetch(`${origin}/`, {
        method: 'GET',
        credentials: 'include',
        redirect: 'follow',
        signal: withTimeout(timeoutMs, signal),
      });
      await res.arrayBuffer();
    } catch {
      /* the cookie read below decides */
    }
  }

  async function getPage(url: string, signal?: AbortSignal): Promise<PageAnswer> {
    try {
      const res = await deps.fetch(url, {
        method: 'GET',
        credentials: 'include',
        redirect: 'follow',
        headers: { Accept: 'text/html' },
        signal: withTimeout(timeoutMs, signal),
      });
      const body = await res.text();
      return {
        kind: 'answer',
        answer: {
          status: res.status,
          url: res.url || url,
          contentType: res.headers.get('content-type') ?? '',
          body,
          retryAfter: res.headers.get('retry-after'),
        },
      };
    } catch (e) {
      return { kind: 'network', detail: describeError(e) };
    }
  }

  return {
    getPage,
    async apply(req, signal) {
      const origin = req.origin ?? HH_ORIGIN;
      let xsrf = await deps.readCookie(origin, '_xsrf').catch(() => null);
      if (!xsrf) {
        await refreshXsrf(origin, signal);
        xsrf = await deps.readCookie(origin, '_xsrf').catch(() => null);
        if (!xsrf)
          return {
            kind: 'captcha_or_login',
            status: 0,
            which: 'login',
            detail: 'no _xsrf cookie for hh.ru: not logged in?',
          };
      }
      const first = await post(origin, xsrf, req, signal);
      if (first.kind !== 'xsrf') return first;
      await refreshXsrf(origin, signal);
      const fresh = await deps.readCookie(origin, '_xsrf').catch(() => null);
      if (!fresh)
        return {
          kind: 'captcha_or_login',
          status: first.status,
          which: 'login',
          detail: 'xsrf refused and no fresh _xsrf cookie',
        };
      return post(origin, fresh, req, signal);
    },
  };
}
