import {
  pathOf,
  redirectedToSessionPage,
  serverError,
  sessionPageInstead,
  type ApplyOutcome,
  type RawAnswer,
} from './apply-outcome';
import type { PageAnswer } from './apply-client';
import { vacancyPageUrl } from './urls';
import type { NegativeFlag } from './employer-warnings';
import { decodeEntities, hhStateSchema, parseMaybeEscapedJson, stateVacancyView } from './initial-state';

/**
 * What hh itself says about a vacancy, read by the worker before it applies: the vacancy page
 * `https://<site>/vacancy/<id>` fetched with the user's session (the service worker has no DOMParser: the
 * embedded state is read as text). The employer here — not the one a listing card or a page claimed — is what
 * the blacklist is checked against.
 *
 * Sources, in order: the SSR state's `vacancyView` (magritte `vacancyFull.vacancy.company` or the flat legacy
 * view; KHR state 2026-09, lib/core/hh/initial-state.ts), else the page's employer link
 * `data-qa="vacancy-company-name" href="/employer/<id>"` (UNB fragment 2026-07). "Компания скрыта" (no
 * company) is `employer: null`.
 */
export interface VacancyFacts {
  id: string;
  title: string;
  employer: { id?: string; name: string } | null;
  archived: boolean | null;
  /** Which part of the page said it. */
  source: 'state' | 'markup';
  /**
   * What hh says about applying, from the page's state (null / [] = the page did not say; the markup path never
   * does): `autoResponse.acceptAutoResponse` (false = the employer refuses automatic applications), the required
   * cover letter, the employer's questionnaire, and hh's warnings about the employer. The queue acts on these
   * (lib/worker/queue/hh-conditions.ts), never on a page's claim.
   */
  signals?: VacancySignals;
}

export interface VacancySignals {
  acceptAutoResponse: boolean | null;
  letterRequired: boolean | null;
  testRequired: boolean | null;
  employerNegative: NegativeFlag[];
}

export type VacancyFactsRead =
  | { kind: 'facts'; facts: VacancyFacts }
  /** What the page answer means for an application (gone, captcha/login, 5xx, network). */
  | { kind: 'outcome'; outcome: ApplyOutcome }
  | { kind: 'unreadable'; reason: string };

const TEMPLATE = /<template[^>]*\bid="HH-Lux-InitialState"[^>]*>([\s\S]*?)<\/template>/i;
const COMPANY_LINK = /<a\b[^>]*data-qa="vacancy-company-name"[^>]*>([\s\S]*?)<\/a>/i;
const EMPLOYER_HREF = /href="(?:https?:\/\/[^"/]+)?\/employer\/(\d{1,12})/;
const TITLE = /<h1\b[^>]*data-qa="vacancy-title"[^>]*>([\s\S]*?)<\/h1>/i;

const text = (html: string): string =>
  decodeEntities(html.replace(/<[^>]+>/g, ' '))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

function fromState(html: string): VacancyFacts | null {
  const m = TEMPLATE.exec(html);
  if (!m?.[1]) return null;
  const state = hhStateSchema.safeParse(parseMaybeEscapedJson(m[1]));
  if (!state.success) return null;
  const v = stateVacancyView(state.data);
  if (!v) return null;
  const employer = v.employer ? { ...(v.employer.id ? { id: v.employer.id } : {}), name: v.employer.name } : null;
  const signals: VacancySignals = {
    acceptAutoResponse: v.acceptAutoResponse ?? null,
    letterRequired: v.letterRequired,
    testRequired: v.testRequired,
    employerNegative: v.employerNegative ?? [],
  };
  return { id: v.id, title: v.title, employer, archived: v.archived, source: 'state', signals };
}

function fromMarkup(html: string, vacancyId: string, finalUrl: string): VacancyFacts | null {
  const title = TITLE.exec(html);
  if (!title) return null;
  const link = COMPANY_LINK.exec(html);
  const id = link ? EMPLOYER_HREF.exec(link[0])?.[1] : undefined;
  const name = link ? text(link[1] ?? '') : '';
  // Without the state the page names no vacancy id of its own: the one of the URL it finally came from.
  const shown = /^\/vacancy\/(\d{1,12})$/.exec(pathOf(finalUrl).split('?')[0] ?? '')?.[1];
  return {
    id: shown ?? vacancyId,
    title: text(title[1] ?? ''),
    employer: name ? { ...(id ? { id } : {}), name } : null,
    archived: null,
    source: 'markup',
  };
}

/** Reads the vacancy page's answer (pure). `vacancyId` = the vacancy asked for. */
export function readVacancyFacts(answer: RawAnswer, vacancyId: string): VacancyFactsRead {
  const { status } = answer;
  const where = 'vacancy page';
  const redirected = redirectedToSessionPage(answer, where);
  if (redirected) return { kind: 'outcome', outcome: redirected };
  if (status === 429 || status >= 500)
    return { kind: 'outcome', outcome: serverError(answer, `${where}: HTTP ${status}`) };
  if (status === 404 || status === 410)
    return { kind: 'outcome', outcome: { kind: 'vacancy_gone', status, detail: `${where}: HTTP ${status}` } };
  if (status >= 200 && status < 300) {
    const facts = fromState(answer.body) ?? fromMarkup(answer.body, vacancyId, answer.url);
    if (facts) return { kind: 'facts', facts };
  }
  const page = sessionPageInstead(answer, (p) => `${where}: ${p} page (HTTP ${status})`);
  if (page) return { kind: 'outcome', outcome: page };
  return { kind: 'unreadable', reason: `${where}: HTTP ${status}, neither its state nor its employer link was found` };
}

/** GETs the vacancy page with the session (the apply client's `getPage`) and reads it. */
export async function fetchVacancyFacts(
  getPage: (url: string, signal?: AbortSignal) => Promise<PageAnswer>,
  origin: string,
  vacancyId: string,
  signal?: AbortSignal,
): Promise<VacancyFactsRead> {
  const page = await getPage(vacancyPageUrl(vacancyId, origin), signal).catch((e: unknown): PageAnswer => ({
    kind: 'network',
    detail: e instanceof Error ? e.message : String(e),
  }));
  if (page.kind === 'network')
    return { kind: 'outcome', outcome: { kind: 'network', status: 0, detail: `vacancy page: ${page.detail}` } };
  return readVacancyFacts(page.answer, vacancyId);
}
