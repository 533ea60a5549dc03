import { EXPERIENCE_IDS, type ExperienceId, type MatchVacancy, type WorkFormat } from '../match/vacancy';
import { employerIdFromHref, vacancyIdFromHref } from './page-detect';
import { normalizeSpaces, parseSalaryText, type CardSalary } from './salary';
import {
  anyOf,
  cardAddress,
  cardAppliedMarker,
  cardCompensationBlock,
  cardChatLink,
  cardEmployerLink,
  cardEmployerText,
  cardExperience,
  cardIdHolder,
  cardPayoutFrequency,
  cardRemoteLabel,
  cardResponseLink,
  cardSalary,
  cardSnippetRequirement,
  cardSnippetResponsibility,
  cardTagLabel,
  cardTitleHeading,
  cardTitleLink,
  cardTitleText,
  ElementNotFoundError,
  listingCard,
  queryAllByPriority,
  queryRequired,
  serpResults,
} from './selectors';

/**
 * Listing cards (search results, catalog, "suitable vacancies") → the scorer's `MatchVacancy`.
 *
 * Speed: one querySelector per field inside the card (alternatives joined into one selector list, so one
 * traversal each), `textContent` only, no layout reads (innerText/offset*). See README for measured timings.
 */

export type ListingCard = MatchVacancy & {
  salary: CardSalary | null;
  /** The card root element. */
  element: Element;
  /**
   * "Already applied", from the best evidence on the card. hh.ru has NO confirmed applied marker on magritte
   * cards (no fixture has one): we look for an (unconfirmed) status element, the response button's text
   * ("Вы откликнулись", "Смотреть отклик" …), or a chat link in place of the response link. `false` means
   * "no evidence", not "certainly not applied"; merge state `userLabels` with `mergeStateIntoCards`.
   */
  applied: boolean;
  /** Why `applied` is true (for debugging/UI). */
  appliedEvidence?: string;
  /** The site's own apply link (`/applicant/vacancy_response?vacancyId=…`), absolute when the page has a base. */
  applyUrl?: string;
  /** The vacancy link as on the card (absolute on real pages). */
  url?: string;
  /** Visible tag texts: experience, remote, payout, "Подходит по навыкам на 83%", "Отклик без резюме" … */
  labels: string[];
};

export type CardProblem = { element: Element; reason: string };

/** One card's outcome: a parsed card, or a problem (has `reason`; a ListingCard never does). */
export type ListingCardResult = ListingCard | CardProblem;

export function isCardProblem(r: ListingCardResult): r is CardProblem {
  return 'reason' in r;
}

const TITLE_LINK = anyOf(cardTitleLink);
const TITLE_TEXT = anyOf(cardTitleText);
const TITLE_HEADING = anyOf(cardTitleHeading);
const ID_HOLDER = anyOf(cardIdHolder);
const EMPLOYER_LINK = anyOf(cardEmployerLink);
const EMPLOYER_TEXT = anyOf(cardEmployerText);
const SALARY = anyOf(cardSalary);
const COMP_BLOCK = anyOf(cardCompensationBlock);
const EXPERIENCE = anyOf(cardExperience);
const REMOTE = anyOf(cardRemoteLabel);
const PAYOUT = anyOf(cardPayoutFrequency);
const TAG = anyOf(cardTagLabel);
const ADDRESS = anyOf(cardAddress);
const SNIPPET_REQ = anyOf(cardSnippetRequirement);
const SNIPPET_RESP = anyOf(cardSnippetResponsibility);
const RESPONSE = anyOf(cardResponseLink);
const APPLIED_MARKER = anyOf(cardAppliedMarker);
const CHAT = anyOf(cardChatLink);
const CARD = anyOf(listingCard);
const RESULTS = anyOf(serpResults);

const EXPERIENCE_PREFIX = 'vacancy-serp__vacancy-work-experience-';
const PAYOUT_PREFIX = 'vacancy-serp__vacancy-compensation-frequency-';
const DIGITS = /^\d+$/;

/** Response-button texts that mean "you have applied" (hh wording on the vacancy page / negotiations). */
const APPLIED_BUTTON_TEXT = /вы\s+откликнулись|смотреть\s+отклик|отклик\s+отправлен|откликнуться\s+повторно|вы\s+уже\s+откликались|перейти\s+к\s+отклику/i;

function text(el: Element | null): string {
  return el ? normalizeSpaces(el.textContent ?? '') : '';
}

/** hh titles use U+2011 (non-breaking hyphen) and soft hyphens; make them plain for matching. */
function cleanTitle(s: string): string {
  return s.replace(/[\u2010\u2011]/g, '-').replace(/\u00ad/g, '');
}

function absolutize(href: string | null, el: Element): string | undefined {
  if (!href) return undefined;
  const base = el.ownerDocument?.baseURI;
  if (base && /^https?:/.test(base)) {
    try {
      return new URL(href, base).href;
    } catch {
      return href;
    }
  }
  return href;
}

const EXPERIENCE_SET: ReadonlySet<string> = new Set(EXPERIENCE_IDS);

function isExperienceId(s: string): s is ExperienceId {
  return EXPERIENCE_SET.has(s);
}

/**
 * Experience from hh wording, card ("Опыт 3-6 лет", "Без опыта") or vacancy page ("1–3 года", "не требуется",
 * "более 6 лет").
 */
export function experienceFromText(raw: string): ExperienceId | null {
  const t = normalizeSpaces(raw).toLowerCase();
  if (!t) return null;
  if (/без\s+опыта|не\s+требуется|нет\s+опыта/.test(t)) return 'noExperience';
  if (/более\s+6|больше\s+6|от\s+6|6\+|свыше\s+6/.test(t)) return 'moreThan6';
  if (/3\s*[-–—]\s*6/.test(t)) return 'between3And6';
  if (/1\s*[-–—]\s*3/.test(t)) return 'between1And3';
  return null;
}

/** Card root elements under `root` (and `root` itself when it is a card). Newest markup generation wins. */
export function findListingCards(root: ParentNode): Element[] {
  if (isElement(root) && root.matches(CARD)) return [root];
  return queryAllByPriority(root, listingCard);
}

function isElement(n: ParentNode): n is Element {
  return (n as Node).nodeType === 1;
}

/** The title heading of a card (where a badge can go; the title link when there is no heading), or null. */
export function badgeAnchor(card: Element): Element | null {
  return card.querySelector(TITLE_HEADING) ?? card.querySelector(TITLE_LINK);
}

/** The results list holding a card (`vacancy-serp__results`), or null (e.g. the negotiations page block). */
export function listContainer(card: Element): Element | null {
  return card.closest(RESULTS);
}

/** Parse one card. Never throws: unrecognised markup comes back as a `CardProblem` with a reason. */
export function parseListingCard(el: Element): ListingCardResult {
  try {
    return parseCardOrThrow(el);
  } catch (e) {
    const reason = e instanceof ElementNotFoundError || e instanceof CardMarkupError ? e.message : `parse error: ${String(e)}`;
    return { element: el, reason };
  }
}

class CardMarkupError extends Error {
  override name = 'CardMarkupError';
}

function parseCardOrThrow(card: Element): ListingCard {
  // ── required: title + id ──
  const titleLink = queryRequired(card, cardTitleLink, 'title link');
  const title = cleanTitle(text(card.querySelector(TITLE_TEXT) ?? titleLink));
  if (!title) throw new CardMarkupError('hh markup not recognised: empty title');

  const href = titleLink.getAttribute('href');
  const idFromHref = vacancyIdFromHref(href);
  const holder = card.querySelector(ID_HOLDER);
  const idFromHolder = holder && DIGITS.test(holder.id) ? holder.id : null;
  const response = card.querySelector(RESPONSE);
  const responseHref = response?.getAttribute('href') ?? null;
  const idFromResponse = vacancyIdFromHref(responseHref);
  const id = idFromHolder ?? idFromHref ?? idFromResponse;
  if (!id) throw new CardMarkupError('hh markup not recognised: no vacancy id (no div[id], /vacancy/<id> href or vacancyId=)');
  if (idFromHref && idFromHref !== id) {
    throw new CardMarkupError(`hh markup not recognised: vacancy id mismatch (div#${id} vs title href ${idFromHref})`);
  }

  // ── employer ──
  const employerLink = card.querySelector(EMPLOYER_LINK);
  const employerName = text(card.querySelector(EMPLOYER_TEXT) ?? employerLink);
  const employerId = employerIdFromHref(employerLink?.getAttribute('href')) ?? employerIdFromHref(responseHref);
  const employer: MatchVacancy['employer'] = employerName ? (employerId ? { id: employerId, name: employerName } : { name: employerName }) : null;

  // ── salary (no data-qa in magritte) ──
  const salaryEl = findCardSalary(card);
  const salary = salaryEl ? parseSalaryText(salaryEl.textContent) : null;
  const payoutEl = card.querySelector(PAYOUT);
  if (salary && payoutEl) {
    const f = payoutEl.getAttribute('data-qa')?.slice(PAYOUT_PREFIX.length);
    if (f) salary.frequency = f;
  }

  // ── experience ──
  let experience: ExperienceId | null = null;
  const expEl = card.querySelector(EXPERIENCE);
  if (expEl) {
    const qa = expEl.getAttribute('data-qa') ?? '';
    const suffix = qa.startsWith(EXPERIENCE_PREFIX) ? qa.slice(EXPERIENCE_PREFIX.length) : '';
    experience = isExperienceId(suffix) ? suffix : experienceFromText(expEl.textContent ?? '');
  }

  // ── work format / labels ──
  const remoteEl = card.querySelector(REMOTE);
  const labels: string[] = [];
  for (const tag of card.querySelectorAll(TAG)) {
    const t = text(tag);
    if (t && !labels.includes(t)) labels.push(t);
  }
  const workFormats: WorkFormat[] = [];
  if (remoteEl || labels.some((l) => /удал[её]нн?о|удал[её]нная\s+работа/i.test(l))) workFormats.push('REMOTE');
  if (labels.some((l) => /гибрид/i.test(l))) workFormats.push('HYBRID');

  // ── address ──
  const address = text(card.querySelector(ADDRESS));
  const city = address ? (address.split(',')[0] ?? '').trim() : '';

  // ── snippet ──
  const req = text(card.querySelector(SNIPPET_REQ));
  const resp = text(card.querySelector(SNIPPET_RESP));
  const snippet = [req, resp].filter(Boolean).join('\n');

  // ── applied ──
  let appliedEvidence: string | undefined;
  if (card.querySelector(APPLIED_MARKER)) appliedEvidence = 'response-status element';
  else if (response && APPLIED_BUTTON_TEXT.test(response.textContent ?? '')) appliedEvidence = `response button "${text(response)}"`;
  else if (!response && card.querySelector(CHAT)) appliedEvidence = 'chat link instead of the response link';

  const out: ListingCard = {
    id,
    title,
    employer,
    salary,
    experience,
    workFormats,
    element: card,
    applied: appliedEvidence !== undefined,
    labels,
  };
  const schedule = remoteEl ? text(remoteEl) : '';
  if (schedule) out.scheduleText = schedule;
  if (city) out.area = city;
  if (address) out.address = address;
  if (snippet) out.snippet = snippet;
  if (appliedEvidence) out.appliedEvidence = appliedEvidence;
  const applyUrl = absolutize(responseHref, card);
  if (applyUrl) out.applyUrl = applyUrl;
  const url = absolutize(href, card);
  if (url) out.url = url;
  return out;
}

/**
 * The salary element of a card: inside the tags block (2026-04 wide card), else the <span> just before the block
 * with only empty spacers between (2026-03 narrow card, 2026-07 UNB), else the old data-qa. null = no salary.
 */
export function findCardSalary(card: Element): Element | null {
  const inside = card.querySelector(SALARY);
  if (inside) return inside;
  const block = card.querySelector(COMP_BLOCK);
  for (let prev = block?.previousElementSibling ?? null; prev; prev = prev.previousElementSibling) {
    if (!prev.textContent?.trim()) continue; // magritte-v-spacing divs
    return prev.tagName === 'SPAN' && /\d/.test(prev.textContent) ? prev : null;
  }
  return null;
}

/** Parse every card under `root`. Cards whose markup is not recognised go to `problems`, never half-parsed. */
export function parseListingCards(root: ParentNode): { cards: ListingCard[]; problems: CardProblem[] } {
  const cards: ListingCard[] = [];
  const problems: CardProblem[] = [];
  for (const el of findListingCards(root)) {
    const r = parseListingCard(el);
    if (isCardProblem(r)) problems.push(r);
    else cards.push(r);
  }
  return { cards, problems };
}

/** What the embedded state knows about a vacancy that a card may lack (see initial-state.ts `stateVacancies`). */
export interface StateHints {
  id: string;
  applied: boolean | null;
  snippet?: string;
  workFormats: WorkFormat[];
}

/**
 * Fill card gaps from TRUSTED state (only when the state belongs to this page — see `readInitialState`):
 * `applied` from `userLabels`, snippet and work formats when the card shows none.
 */
export function mergeStateIntoCards(cards: ListingCard[], state: readonly StateHints[]): void {
  if (!state.length) return;
  const byId = new Map(state.map((s) => [s.id, s]));
  for (const card of cards) {
    const s = byId.get(card.id);
    if (!s) continue;
    if (!card.applied && s.applied) {
      card.applied = true;
      card.appliedEvidence = 'state userLabels';
    }
    if (!card.snippet && s.snippet) card.snippet = s.snippet;
    for (const f of s.workFormats) if (!card.workFormats.includes(f)) card.workFormats.push(f);
  }
}
