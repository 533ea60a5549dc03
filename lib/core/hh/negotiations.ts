import * as z from 'zod/mini';
import { HH_ORIGIN, HH_PATHS } from './urls';
import { decodeEntities, hhStateSchema, parseMaybeEscapedJson, stateMatchesUrl } from './initial-state';
import type { UrlLike } from './page-detect';

/**
 * The user's responses page «Отклики» (`/applicant/negotiations?filter=all`, hh-site.md §1.4).
 *
 * Read as TEXT, not DOM: the background service worker has no DOMParser, and the content script hands its page
 * over the same way, so one parser serves both (and is tested on the real 2026-03 page).
 *
 * Two sources, merged by topic id:
 *  - cards `[data-qa="negotiations-item"]` (real fixture applicant/hh_negotiations_main_content_2026-03.html):
 *    `negotiations-item-vacancy` (title, no href), `-company`, `-date` («сегодня»), the status tag
 *    `data-qa="negotiations-tag negotiations-item-<status>"` (seen: `not-viewed`, `viewed`) and
 *    `know-vacancy-responses-summary` → `/applicant-services/vacancy-summary/<topicId>`. Cards carry NO vacancy id.
 *  - the SSR state `applicantNegotiations.topicList[]` (KHR "verified 2026-09-08"; the topic object's full
 *    shape is known from the real 2026-05 apply capture's `responseStatus.negotiations.topicList`): id,
 *    vacancyId, chatId, lastState, archived, hasNewMessages, viewedByOpponent, invited, discarded,
 *    conversationMessagesCount, lastModifiedMillis.
 *
 * Tag suffixes other than `viewed`/`not-viewed` are not in any saved page: they are recognised by the suffix
 * (`invitation`, `interview`, `discard`, `archived`, …) and by the visible text («Приглашение», «Отказ», …).
 */

export const NEGOTIATIONS_PATH = HH_PATHS.negotiations;
export const NEGOTIATIONS_URL_QUERY = '?filter=all';

/** What hh says on a card, reduced to what the funnel needs. */
export type CardStatus =
  'not_viewed' | 'viewed' | 'invitation' | 'interview' | 'hired' | 'discard' | 'archived' | 'unknown';

export interface NegotiationCard {
  topicId: string;
  title: string;
  company: string;
  /** As shown («сегодня», «вчера», «12 марта»). */
  dateText: string;
  status: CardStatus;
  /** The tag's data-qa and text, kept for debugging unknown statuses. */
  tag: { qa: string; text: string } | null;
  employerId: string | null;
  /** «Отказаться» is offered: the response is still open on the applicant's side. */
  canDecline: boolean;
}

export interface NegotiationTopic {
  topicId: string;
  vacancyId: string | null;
  chatId: string | null;
  /** hh's state name: RESPONSE, INVITATION, INTERVIEW, DISCARD, HIRED, … (upper-cased). */
  lastState: string | null;
  archived: boolean;
  hasNewMessages: boolean;
  viewedByOpponent: boolean | null;
  invited: boolean | null;
  discarded: boolean | null;
  messagesCount: number | null;
  lastModified: number | null;
  created: number | null;
}

export interface NegotiationsPage {
  cards: NegotiationCard[];
  topics: NegotiationTopic[];
  /** Cards that looked like negotiation cards but had no topic id (markup drift): counted, never guessed. */
  unrecognised: number;
  /** The state was present but belongs to another page (SPA navigation): topics were not used. */
  staleState: boolean;
  /** hh sent its login page or an anonymous state instead. */
  loggedOut: boolean;
}

const CARD_MARK = 'data-qa="negotiations-item"';
const TOPIC_HREF = /data-qa="know-vacancy-responses-summary"[^>]*?href="[^"]*?\/vacancy-summary\/(\d{5,15})/;
const TOPIC_HREF_ALT = /href="[^"]*?\/vacancy-summary\/(\d{5,15})[^"]*"[^>]*?data-qa="know-vacancy-responses-summary"/;
const CHAT_HREF = /href="[^"]*?chatik\.hh\.ru\/chat\/(\d{5,15})/;
const TAG = /data-qa="negotiations-tag ([^"]*)"[^>]*>([\s\S]*?)<\/span>/;
const EMPLOYER = /href="\/employer\/(\d{1,12})/;
const TEMPLATE = /<template[^>]*\bid="HH-Lux-InitialState"[^>]*>([\s\S]*?)<\/template>/i;

function textOf(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]+>/g, ' '))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The text of the element that carries `data-qa="<qa>"` (first one in the slice): up to its own closing tag. */
function fieldText(slice: string, qa: string): string {
  const at = slice.indexOf(`data-qa="${qa}"`);
  if (at < 0) return '';
  const open = slice.lastIndexOf('<', at);
  const tag = /^<([a-z0-9]+)/i.exec(slice.slice(open))?.[1]?.toLowerCase() ?? 'span';
  const start = slice.indexOf('>', at) + 1;
  // Nested same-name tags: count opens/closes until the element closes.
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = start;
  let depth = 1;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return textOf(slice.slice(start, m.index));
  }
  return textOf(slice.slice(start, start + 500));
}

const STATUS_BY_SUFFIX: Record<string, CardStatus> = {
  'not-viewed': 'not_viewed',
  viewed: 'viewed',
  invitation: 'invitation',
  invited: 'invitation',
  interview: 'interview',
  hired: 'hired',
  discard: 'discard',
  discarded: 'discard',
  rejected: 'discard',
  archived: 'archived',
  archive: 'archived',
};

/** The visible wording of hh's tabs/tags (fixture tabs: Приглашение, Собеседование, Выход на работу, Отказ, Архив). */
const STATUS_BY_TEXT: Array<[RegExp, CardStatus]> = [
  [/^не просмотрен/i, 'not_viewed'],
  [/^просмотрен/i, 'viewed'],
  [/приглаш/i, 'invitation'],
  [/собеседован|интервью/i, 'interview'],
  [/выход на работу|оффер|принят/i, 'hired'],
  [/отказ/i, 'discard'],
  [/архив|вакансия закрыта|в архиве/i, 'archived'],
];

export function cardStatus(qa: string, text: string): CardStatus {
  for (const token of qa.split(/\s+/)) {
    const suffix = /^negotiations-item-(.+)$/.exec(token)?.[1];
    if (suffix && STATUS_BY_SUFFIX[suffix]) return STATUS_BY_SUFFIX[suffix];
  }
  const t = text.replace(/[\s\u00a0]+/g, ' ').trim();
  for (const [re, s] of STATUS_BY_TEXT) if (re.test(t)) return s;
  return 'unknown';
}

/** Negotiation cards of a page's HTML (any fragment that contains them). */
export function parseNegotiationCards(html: string): { cards: NegotiationCard[]; unrecognised: number } {
  const cards: NegotiationCard[] = [];
  let unrecognised = 0;
  const starts: number[] = [];
  for (let i = html.indexOf(CARD_MARK); i >= 0; i = html.indexOf(CARD_MARK, i + CARD_MARK.length)) starts.push(i);
  const seen = new Set<string>();
  starts.forEach((at, k) => {
    // A card's own markup runs to the next card (the last one: to a generous bound, past its buttons).
    const slice = html.slice(at, starts[k + 1] ?? Math.min(html.length, at + 30_000));
    const topicId = TOPIC_HREF.exec(slice)?.[1] ?? TOPIC_HREF_ALT.exec(slice)?.[1] ?? CHAT_HREF.exec(slice)?.[1];
    const title = fieldText(slice, 'negotiations-item-vacancy');
    if (!topicId || !title) {
      unrecognised++;
      return;
    }
    if (seen.has(topicId)) return;
    seen.add(topicId);
    const tagM = TAG.exec(slice);
    const tag = tagM ? { qa: tagM[1]!, text: textOf(tagM[2]!) } : null;
    cards.push({
      topicId,
      title,
      company: fieldText(slice, 'negotiations-item-company'),
      dateText: fieldText(slice, 'negotiations-item-date'),
      status: tag ? cardStatus(tag.qa, tag.text) : 'unknown',
      tag,
      employerId: EMPLOYER.exec(slice)?.[1] ?? null,
      canDecline: slice.includes('data-qa="negotiations-decline"'),
    });
  });
  return { cards, unrecognised };
}

const idSchema = z.pipe(z.union([z.number(), z.string().check(z.regex(/^\d{1,15}$/))]), z.transform(String));
const lenient = <T extends z.ZodMiniType>(s: T) => z.catch(z.optional(s), undefined);

const topicSchema = z.looseObject({
  id: idSchema,
  vacancyId: lenient(z.nullable(idSchema)),
  chatId: lenient(z.nullable(idSchema)),
  lastState: lenient(z.nullable(z.string())),
  archived: lenient(z.boolean()),
  chatIsArchived: lenient(z.boolean()),
  hasNewMessages: lenient(z.boolean()),
  viewedByOpponent: lenient(z.boolean()),
  invited: lenient(z.boolean()),
  discarded: lenient(z.boolean()),
  conversationMessagesCount: lenient(z.number()),
  lastModifiedMillis: lenient(z.number()),
  creationTimeMillis: lenient(z.number()),
});

/** One raw topic object (state, apply answer) → NegotiationTopic; null when it has no id. */
export function parseTopic(raw: unknown): NegotiationTopic | null {
  const r = topicSchema.safeParse(raw);
  if (!r.success) return null;
  const t = r.data;
  return {
    topicId: t.id,
    vacancyId: t.vacancyId ?? null,
    chatId: t.chatId ?? null,
    lastState: t.lastState ? t.lastState.toUpperCase() : null,
    archived: t.archived === true,
    hasNewMessages: t.hasNewMessages === true,
    viewedByOpponent: t.viewedByOpponent ?? null,
    invited: t.invited ?? null,
    discarded: t.discarded ?? null,
    messagesCount: t.conversationMessagesCount ?? null,
    lastModified: t.lastModifiedMillis ?? null,
    created: t.creationTimeMillis ?? null,
  };
}

const negotiationsStateSchema = z.looseObject({
  applicantNegotiations: lenient(z.looseObject({ topicList: lenient(z.array(z.unknown())) })),
});

/**
 * Parses a whole /applicant/negotiations page (or the content script's live HTML). `pageUrl` enables the SPA
 * staleness check of the embedded state (the cards are always the live ones).
 */
export function parseNegotiationsPage(html: string, pageUrl?: UrlLike): NegotiationsPage {
  const { cards, unrecognised } = parseNegotiationCards(html);
  const topics: NegotiationTopic[] = [];
  let staleState = false;
  let loggedOut = /<form[^>]*action="\/account\/login/i.test(html) && cards.length === 0;
  const m = TEMPLATE.exec(html);
  if (m?.[1]) {
    const json = parseMaybeEscapedJson(m[1]);
    const base = hhStateSchema.safeParse(json);
    if (base.success) {
      if (base.data.userType === 'anonymous') loggedOut = true;
      staleState = pageUrl !== undefined && stateMatchesUrl(base.data, pageUrl) === false;
      const neg = negotiationsStateSchema.safeParse(json);
      if (!staleState && neg.success) {
        for (const raw of neg.data.applicantNegotiations?.topicList ?? []) {
          const t = parseTopic(raw);
          if (t) topics.push(t);
        }
      }
    }
  }
  return { cards, topics, unrecognised, staleState, loggedOut };
}

export type NegotiationsFetch =
  | { ok: true; page: NegotiationsPage }
  | { ok: false; error: 'logged_out' | 'captcha' | 'network' | 'unrecognised'; detail: string };

/**
 * GET one page of the responses list with the user's session (background: `credentials: 'include'`).
 * `page` 0 is the newest; hh shows 20 per page (2026-03 fixture).
 */
export async function fetchNegotiationsPage(
  fetchFn: typeof fetch,
  opts: { origin?: string; page?: number; timeoutMs?: number } = {},
): Promise<NegotiationsFetch> {
  const origin = opts.origin ?? HH_ORIGIN;
  const url = `${origin}${NEGOTIATIONS_PATH}${NEGOTIATIONS_URL_QUERY}${opts.page ? `&page=${opts.page}` : ''}`;
  let res: Response;
  let html: string;
  try {
    res = await fetchFn(url, {
      credentials: 'include',
      redirect: 'follow',
      signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000),
    });
    html = await res.text();
  } catch (e) {
    return { ok: false, error: 'network', detail: e instanceof Error ? e.message : String(e) };
  }
  let path = '';
  try {
    path = new URL(res.url || url).pathname;
  } catch {
    path = '';
  }
  if (/\/account\/login/.test(path)) return { ok: false, error: 'logged_out', detail: 'hh.ru asks to log in' };
  if (/captcha/.test(path)) return { ok: false, error: 'captcha', detail: 'hh.ru asks for a captcha' };
  if (!res.ok) return { ok: false, error: 'network', detail: `HTTP ${res.status}` };
  const page = parseNegotiationsPage(html, res.url || url);
  if (page.loggedOut) return { ok: false, error: 'logged_out', detail: 'hh.ru shows the page to an anonymous visitor' };
  if (!page.cards.length && !page.topics.length && !/data-qa="main-content"/.test(html)) {
    return { ok: false, error: 'unrecognised', detail: 'no responses list on the page (the markup may have changed)' };
  }
  return { ok: true, page };
}

/**
 * A cheap fingerprint of the live list (content script): the cards' topic links and status tags. The page is
 * serialised and parsed again only when this changes, not on every unrelated DOM mutation.
 */
export function liveCardsSignature(root: ParentNode): string {
  const parts: string[] = [];
  for (const card of root.querySelectorAll(`[${CARD_MARK}]`)) {
    parts.push(
      `${card.querySelector('[data-qa="know-vacancy-responses-summary"]')?.getAttribute('href') ?? ''}|${card.querySelector('[data-qa^="negotiations-tag"]')?.getAttribute('data-qa') ?? ''}`,
    );
  }
  return parts.join(';');
}

const MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/**
 * When a card says it was sent («сегодня», «вчера», «3 дня назад», «12 марта», «12 марта 2025»), as local
 * midnight of that day (ms); null when the wording is unknown. Used only where hh gave no creation time (cards
 * read without the state), so a response applied by hand weeks ago is not counted in this week's funnel.
 */
export function cardDate(text: string, now: number): number | null {
  const t = text
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  const shift = (days: number) => {
    const d = new Date(day);
    d.setDate(d.getDate() - days);
    return d.getTime();
  };
  if (t === 'сегодня' || t === 'today') return day.getTime();
  if (t === 'вчера' || t === 'yesterday') return shift(1);
  const ago = /^(\d{1,3}) (?:дн|день|дня|дней)\S* назад$/.exec(t);
  if (ago) return shift(Number(ago[1]));
  const m = /^(\d{1,2}) ([а-я]+)(?: (\d{4}))?/.exec(t);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!);
  if (month < 0) return null;
  const d = new Date(day);
  d.setMonth(month, Number(m[1]));
  if (m[3]) d.setFullYear(Number(m[3]));
  else if (d.getTime() > now) d.setFullYear(d.getFullYear() - 1); // «12 декабря» read in January
  return d.getTime();
}
