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
  dataQaTests,
  listingCard,
  queryAllByPriority,
  serpResults,
  type DataQaTest,
  type Selector,
} from './selectors';

/**
 * Listing cards (search results, catalog, "suitable vacancies") → the scorer's `MatchVacancy`.
 *
 * Speed: one `querySelectorAll('[data-qa]')` per card classified in JS, a few cheap lookups (div[id], closest()
 * for the tags block, the page's learnt tag class), `textContent` only, no layout reads (innerText/offset*).
 * See README for measured timings.
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
const TITLE_HEADING = anyOf(cardTitleHeading);
const ID_HOLDER = anyOf(cardIdHolder);
const CHAT = anyOf(cardChatLink);
const CARD = anyOf(listingCard);
const RESULTS = anyOf(serpResults);
const COMP_BLOCK = anyOf(cardCompensationBlock);

/**
 * Card fields found by ONE `querySelectorAll('[data-qa]')` pass per card (several times faster in Chromium than one
 * querySelector per field: class-substring and prefix selectors each scan the whole card). The selectors stay
 * in selectors.ts; a field whose selector is not plain data-qa falls back to querySelector.
 */
const FIELDS = {
  titleHeading: cardTitleHeading,
  titleLink: cardTitleLink,
  titleText: cardTitleText,
  employerLink: cardEmployerLink,
  employerText: cardEmployerText,
  experience: cardExperience,
  remote: cardRemoteLabel,
  payout: cardPayoutFrequency,
  address: cardAddress,
  snippetReq: cardSnippetRequirement,
  snippetResp: cardSnippetResponsibility,
  response: cardResponseLink,
  appliedMarker: cardAppliedMarker,
  // Only the data-qa alternatives of these two; their class-based alternatives are handled below.
  salaryQa: cardSalary.filter((a) => a.startsWith('[data-qa')),
  tagQa: cardTagLabel.filter((a) => a.startsWith('[data-qa')),
} satisfies Record<string, Selector>;
/** Fields with one element each (`tagQa` collects all its matches). */
type SingleKey = Exclude<keyof typeof FIELDS, 'tagQa'>;
type Found = Partial<Record<SingleKey, Element>> & { tagQa: Element[] };

const COMPILED = (Object.entries(FIELDS) as [keyof typeof FIELDS, Selector][])
  .filter((e): e is [SingleKey, Selector] => e[0] !== 'tagQa')
  .map(([key, sel]) => ({ key, css: anyOf(sel), tests: dataQaTests(sel) }));
const PASS_FIELDS = COMPILED.filter((f): f is { key: SingleKey; css: string; tests: DataQaTest[] } => f.tests !== null);
const QUERY_FIELDS = COMPILED.filter((f) => f.tests === null);
const TAG_QA_TESTS = dataQaTests(FIELDS.tagQa) ?? [];

/** Class substring of the class-based tag alternative (`magritte-tag__label`). */
const TAG_CLASS_STEM =
  cardTagLabel.map((a) => /^\[class\*="([^"]+)"\]$/.exec(a)?.[1]).find((x): x is string => !!x) ?? null;
const TAG_CLASS_CSS = TAG_CLASS_STEM ? `[class*="${TAG_CLASS_STEM}"]` : null;
/** The page's hashed tag class (`magritte-tag__label___YHV-o_5-1-6`), learnt from the first card that has one. */
const tagClassByDoc = new WeakMap<Document, string>();

/** PASS_FIELDS indexed by data-qa value (exact) plus short prefix/word lists: one Map lookup per element. */
interface IndexedTest {
  key: SingleKey | 'tagQa';
  tag: string | null;
}
const EXACT = new Map<string, IndexedTest[]>();
const OTHER: (IndexedTest & { test: DataQaTest })[] = [];
for (const f of [...PASS_FIELDS, { key: 'tagQa' as const, tests: TAG_QA_TESTS }]) {
  for (const t of f.tests) {
    if (t.op === '=') {
      const list = EXACT.get(t.value) ?? [];
      list.push({ key: f.key, tag: t.tag });
      EXACT.set(t.value, list);
    } else OTHER.push({ key: f.key, tag: t.tag, test: t });
  }
}

function assign(found: Found, key: SingleKey | 'tagQa', el: Element): void {
  if (key === 'tagQa') found.tagQa.push(el);
  else if (found[key] === undefined) found[key] = el;
}

/**
 * A card's fields from its data-qa elements. The per-element test (`matchesDataQa`'s logic, without allocations)
 * is inlined into the loop on purpose: it runs for every data-qa element of every card, on the page's first pass,
 * where each call of cold code costs.
 */
function findFields(card: Element): Found {
  const found: Found = { tagQa: [] };
  const qaEls = card.querySelectorAll('[data-qa]');
  for (let i = 0; i < qaEls.length; i++) {
    const el = qaEls[i]!;
    const qa = el.getAttribute('data-qa') ?? '';
    const exact = EXACT.get(qa);
    if (exact)
      for (let k = 0; k < exact.length; k++)
        if (exact[k]!.tag === null || exact[k]!.tag === el.localName) assign(found, exact[k]!.key, el);
    for (let k = 0; k < OTHER.length; k++) {
      const t = OTHER[k]!.test;
      if (t.tag !== null && el.localName !== t.tag) continue;
      const hit =
        t.op === '^='
          ? qa.startsWith(t.value)
          : qa === t.value || (t.op === '~=' && qa.includes(' ') && qa.split(/\s+/).includes(t.value));
      if (hit) assign(found, OTHER[k]!.key, el);
    }
  }
  for (const f of QUERY_FIELDS) {
    const el = card.querySelector(f.css);
    if (el) found[f.key] = el;
  }
  return found;
}

/** Visible tag elements of a card (class-based magritte tags; else the older data-qa labels). */
function tagElements(card: Element, qaTags: Element[]): ArrayLike<Element> {
  if (TAG_CLASS_CSS && TAG_CLASS_STEM) {
    const doc = card.ownerDocument;
    const token = tagClassByDoc.get(doc);
    if (token) {
      const byClass = card.getElementsByClassName(token);
      if (byClass.length) return byClass;
    }
    const found = card.querySelectorAll(TAG_CLASS_CSS);
    const first = found[0];
    if (first) {
      const learnt = Array.from(first.classList).find((c) => c.includes(TAG_CLASS_STEM));
      if (learnt) tagClassByDoc.set(doc, learnt);
      return found;
    }
  }
  return qaTags;
}

const EXPERIENCE_PREFIX = 'vacancy-serp__vacancy-work-experience-';
const PAYOUT_PREFIX = 'vacancy-serp__vacancy-compensation-frequency-';
const DIGITS = /^\d+$/;

/** Response-button texts that mean "you have applied" (hh wording on the vacancy page / negotiations). */
const APPLIED_BUTTON_TEXT =
  /вы\s+откликнулись|смотреть\s+отклик|отклик\s+отправлен|откликнуться\s+повторно|вы\s+уже\s+откликались|перейти\s+к\s+отклику/i;

/** http(s) origin of a document's base URL, cached (hrefs on cards are absolute or root-relative). */
const originByDoc = new WeakMap<Document, string | null>();

export function originOf(doc: Document): string | null {
  let origin = originByDoc.get(doc);
  if (origin === undefined) {
    const base = doc.baseURI;
    origin = base && /^https?:/.test(base) ? new URL(base).origin : null;
    originByDoc.set(doc, origin);
  }
  return origin;
}

/** An href made absolute against an http(s) origin (as it is when there is none, or it cannot be resolved). */
export function absolutize(href: string | null | undefined, origin: string | null): string | undefined {
  if (!href) return undefined;
  if (/^https?:\/\//.test(href) || origin === null) return href;
  try {
    return new URL(href, origin + '/').href;
  } catch {
    return href;
  }
}

const EXPERIENCE_SET: ReadonlySet<string> = /* @__PURE__ */ new Set(EXPERIENCE_IDS);

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

/**
 * A card's vacancy id by the cheapest read (its `div[id]`, else the title link's href): what the listing needs to
 * apply a verdict known from the page's state, without reading the card. null = not recognisable this way.
 */
export function listingCardId(card: Element): string | null {
  const holder = card.querySelector(ID_HOLDER);
  if (holder && DIGITS.test(holder.id)) return holder.id;
  return vacancyIdFromHref(card.querySelector(TITLE_LINK)?.getAttribute('href'));
}

/** The title heading of a card (where a badge can go; the title link when there is no heading), or null. */
export function badgeAnchor(card: Element): Element | null {
  return card.querySelector(TITLE_HEADING) ?? card.querySelector(TITLE_LINK);
}

/** The results list holding a card (`vacancy-serp__results`), or null (e.g. the negotiations page block). */
export function listContainer(card: Element): Element | null {
  return card.closest(RESULTS);
}

/**
 * What a card shows, read from its DOM as raw strings: no parsing, no regexes, so the content script's first
 * pass does little more than the DOM reads. `interpretCard` makes a `ListingCard` of it (anywhere: the page,
 * the worker, a test). Plain JSON: the listing sends it to the worker, which scores (listing-protocol.ts).
 */
export interface RawCard {
  id: string;
  /** Title text as in the DOM (hh's U+2011 hyphens and soft hyphens included). */
  title: string;
  href?: string;
  employer?: string;
  employerHref?: string;
  responseHref?: string;
  /** The response button's text (only when it has one: "Откликнуться", "Вы откликнулись" …). */
  responseText?: string;
  /** An (unconfirmed) response-status element is on the card. */
  statusMarker?: true;
  /** A chat link stands where the response link would be. */
  chat?: true;
  salary?: string;
  /** data-qa of the payout-frequency tag. */
  payoutQa?: string;
  experienceQa?: string;
  experienceText?: string;
  /** Text of the remote-work label. */
  remote?: string;
  /** Visible tag texts, as in the DOM. */
  tags: string[];
  address?: string;
  snippetReq?: string;
  snippetResp?: string;
}

/** A card read from the DOM (its raw fields, and where its badge goes), or a problem (has `reason`). */
export type ReadCardResult = { raw: RawCard; anchor: Element | null } | CardProblem;

/** Read one card's raw fields. Never throws: unrecognised markup comes back as a `CardProblem`. */
export function readListingCard(el: Element): ReadCardResult {
  try {
    return extractOrThrow(el);
  } catch (e) {
    const reason = e instanceof CardMarkupError ? e.message : `parse error: ${String(e)}`;
    return { element: el, reason };
  }
}

/** `readListingCard` without the badge anchor. */
export function extractCard(el: Element): RawCard | CardProblem {
  const r = readListingCard(el);
  return 'reason' in r ? r : r.raw;
}

/** Parse one card. Never throws: unrecognised markup comes back as a `CardProblem` with a reason. */
export function parseListingCard(el: Element): ListingCardResult {
  const raw = extractCard(el);
  if ('reason' in raw) return raw;
  return { ...interpretCard(raw, originOf(el.ownerDocument)), element: el };
}

/** Markup we do not recognise: its message is the card's problem reason. */
class CardMarkupError extends Error {}

function extractOrThrow(card: Element): { raw: RawCard; anchor: Element | null } {
  const f = findFields(card);

  // ── required: title + id ──
  const titleLink = f.titleLink;
  if (!titleLink) throw new CardMarkupError(`hh markup not recognised: no title link (${cardTitleLink.join(' | ')})`);
  const title = (f.titleText ?? titleLink).textContent ?? '';
  if (!title.trim()) throw new CardMarkupError('hh markup not recognised: empty title');

  const href = titleLink.getAttribute('href');
  const idFromHref = vacancyIdFromHref(href);
  const holder = card.querySelector(ID_HOLDER);
  const idFromHolder = holder && DIGITS.test(holder.id) ? holder.id : null;
  const response = f.response ?? null;
  const responseHref = response?.getAttribute('href') ?? null;
  const id = idFromHolder ?? idFromHref ?? vacancyIdFromHref(responseHref);
  if (!id)
    throw new CardMarkupError('hh markup not recognised: no vacancy id (no div[id], /vacancy/<id> href or vacancyId=)');
  if (idFromHref && idFromHref !== id) {
    throw new CardMarkupError(`hh markup not recognised: vacancy id mismatch (div#${id} vs title href ${idFromHref})`);
  }
  const raw: RawCard = { id, title, tags: [] };
  if (href) raw.href = href;

  const employerLink = f.employerLink;
  const employer = (f.employerText ?? employerLink)?.textContent;
  if (employer) raw.employer = employer;
  const employerHref = employerLink?.getAttribute('href');
  if (employerHref) raw.employerHref = employerHref;
  if (responseHref) raw.responseHref = responseHref;
  if (response) raw.responseText = response.textContent ?? '';
  if (f.appliedMarker) raw.statusMarker = true;
  else if (!response && card.querySelector(CHAT)) raw.chat = true;

  // ── salary (no data-qa in magritte) ──
  const tagInBlock = f.experience ?? f.remote ?? f.payout;
  const block = tagInBlock ? tagInBlock.closest(COMP_BLOCK) : card.querySelector(COMP_BLOCK);
  const salary = salaryElementOf(block, f.salaryQa ?? null)?.textContent;
  if (salary) raw.salary = salary;
  const payoutQa = f.payout?.getAttribute('data-qa');
  if (payoutQa) raw.payoutQa = payoutQa;
  if (f.experience) {
    raw.experienceQa = f.experience.getAttribute('data-qa') ?? '';
    raw.experienceText = f.experience.textContent ?? '';
  }
  if (f.remote) raw.remote = f.remote.textContent ?? '';
  const tags = tagElements(card, f.tagQa);
  for (let i = 0; i < tags.length; i++) raw.tags.push(tags[i]!.textContent ?? '');
  const address = f.address?.textContent;
  if (address) raw.address = address;
  const req = f.snippetReq?.textContent;
  if (req) raw.snippetReq = req;
  const resp = f.snippetResp?.textContent;
  if (resp) raw.snippetResp = resp;
  return { raw, anchor: f.titleHeading ?? titleLink };
}

/** A card's title as matched and queued: spaces normalised, hh's U+2011 hyphens and soft hyphens made plain. */
export function cardTitle(raw: RawCard): string {
  return normalizeSpaces(raw.title)
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\u00ad/g, '');
}

/** A card's employer: its name, and its id from the employer link (else the response link); null without a name. */
export function cardEmployer(raw: RawCard): MatchVacancy['employer'] {
  const name = normalizeSpaces(raw.employer ?? '');
  const id = employerIdFromHref(raw.employerHref) ?? employerIdFromHref(raw.responseHref);
  return name ? (id ? { id, name } : { name }) : null;
}

/** A card's facts from its raw fields: salary, experience, work formats, city, "already applied". */
export function interpretCard(raw: RawCard, origin: string | null = null): Omit<ListingCard, 'element'> {
  const employer = cardEmployer(raw);

  const salary = raw.salary ? parseSalaryText(raw.salary) : null;
  if (salary && raw.payoutQa) {
    const freq = raw.payoutQa.slice(PAYOUT_PREFIX.length);
    if (freq) salary.frequency = freq;
  }

  let experience: ExperienceId | null = null;
  if (raw.experienceQa !== undefined) {
    const qa = raw.experienceQa;
    const suffix = qa.startsWith(EXPERIENCE_PREFIX) ? qa.slice(EXPERIENCE_PREFIX.length) : '';
    experience = isExperienceId(suffix) ? suffix : experienceFromText(raw.experienceText ?? '');
  }

  const labels: string[] = [];
  for (const tag of raw.tags) {
    const t = normalizeSpaces(tag);
    if (t && !labels.includes(t)) labels.push(t);
  }
  const workFormats: WorkFormat[] = [];
  if (raw.remote !== undefined || labels.some((l) => /удал[её]нн?о|удал[её]нная\s+работа/i.test(l)))
    workFormats.push('REMOTE');
  if (labels.some((l) => /гибрид/i.test(l))) workFormats.push('HYBRID');

  const address = normalizeSpaces(raw.address ?? '');
  const city = address ? (address.split(',')[0] ?? '').trim() : '';
  const snippet = [normalizeSpaces(raw.snippetReq ?? ''), normalizeSpaces(raw.snippetResp ?? '')]
    .filter(Boolean)
    .join('\n');

  let appliedEvidence: string | undefined;
  if (raw.statusMarker) appliedEvidence = 'response-status element';
  else if (raw.responseText !== undefined && APPLIED_BUTTON_TEXT.test(raw.responseText))
    appliedEvidence = `response button "${normalizeSpaces(raw.responseText)}"`;
  else if (raw.chat) appliedEvidence = 'chat link instead of the response link';

  const out: Omit<ListingCard, 'element'> = {
    id: raw.id,
    title: cardTitle(raw),
    employer,
    salary,
    experience,
    workFormats,
    applied: appliedEvidence !== undefined,
    labels,
  };
  const schedule = normalizeSpaces(raw.remote ?? '');
  if (schedule) out.scheduleText = schedule;
  if (city) out.area = city;
  if (address) out.address = address;
  if (snippet) out.snippet = snippet;
  if (appliedEvidence) out.appliedEvidence = appliedEvidence;
  const applyUrl = absolutize(raw.responseHref, origin);
  if (applyUrl) out.applyUrl = applyUrl;
  const url = absolutize(raw.href, origin);
  if (url) out.url = url;
  return out;
}

/** First direct <span> child of the tags block (2026-04 wide card). */
function spanChild(block: Element): Element | null {
  for (let c = block.firstElementChild; c; c = c.nextElementSibling) if (c.localName === 'span') return c;
  return null;
}

/** The <span> just before the block, past empty spacers (2026-03 narrow card, 2026-07 UNB); must hold a digit. */
function spanBefore(block: Element): Element | null {
  for (let prev = block.previousElementSibling; prev; prev = prev.previousElementSibling) {
    if (!prev.textContent?.trim()) continue; // magritte-v-spacing divs
    return prev.localName === 'span' && /\d/.test(prev.textContent) ? prev : null;
  }
  return null;
}

function salaryElementOf(block: Element | null, qaSalary: Element | null): Element | null {
  return (block && spanChild(block)) ?? qaSalary ?? (block && spanBefore(block));
}

/**
 * The salary element of a card: inside the tags block (2026-04 wide card), else the old data-qa, else the <span>
 * just before the block with only empty spacers between (2026-03 narrow card, 2026-07 UNB). null = no salary.
 */
export function findCardSalary(card: Element): Element | null {
  return salaryElementOf(card.querySelector(COMP_BLOCK), card.querySelector(anyOf(FIELDS.salaryQa)));
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
