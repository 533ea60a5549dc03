/**
 * Every CSS selector Otklik uses on hh.ru pages, in one place.
 *
 * Each selector is an array of alternatives, NEWEST FIRST, each with a dated comment saying where it was seen.
 * Evidence tags (see /work/shared/docs/hh-site.md and fixtures/hh/PROVENANCE.md):
 *   NIK  = real logged-in SERP saved 2026-04 (hh build 26.13.5.2, 50 cards) and negotiations page 2026-03
 *   UNB  = unbiqo/job-agent trimmed real SERP + vacancy fragments, 2026-07
 *   KHR  = KhrenovSS/job_search excerpts of a real anonymous vacancy page, 2026-09 (hh build 26.37)
 *   AXI / LLR = third-party selector maps verified live 2026-08 (not in our fixtures)
 *   "old" = pre-magritte (bloko, ≤2022) or transition (2023-2024) markup, from third-party scrapers only.
 *
 * hh.ru class names are build-hashed (`compensation-labels--vwum2s12fQUurc2J`, `magritte-tag___WdGxk_5-1-6`), so
 * we select by `data-qa`, and by `[class*="stem"]` substring only where magritte has no data-qa (salary, tags).
 *
 * How many times each selector matches on each fixture is asserted in selectors.test.ts (the expectation
 * table); a meta-test there fails when a selector exported here has no expectation row.
 */

/** Alternatives, newest first. */
export type Selector = readonly string[];

const joined = new WeakMap<Selector, string>();

/** The alternatives as one selector list (one DOM traversal; first match in document order). Cached. */
export function anyOf(sel: Selector): string {
  let css = joined.get(sel);
  if (css === undefined) {
    css = sel.join(', ');
    joined.set(sel, css);
  }
  return css;
}

/** Thrown when DOM the caller cannot do without is missing: our "hh.ru changed its markup" signal. */
export class ElementNotFoundError extends Error {
  override name = 'ElementNotFoundError';
  constructor(selectorName: string, selector: Selector) {
    super(`hh markup not recognised: no ${selectorName} (${selector.join(' | ')})`);
  }
}

/** First element matching any alternative (document order), or null. */
export function queryOptional(root: ParentNode, sel: Selector): Element | null {
  return root.querySelector(anyOf(sel));
}

/** First element matching any alternative; throws ElementNotFoundError when there is none. */
export function queryRequired(root: ParentNode, sel: Selector, name: string): Element {
  const el = root.querySelector(anyOf(sel));
  if (!el) throw new ElementNotFoundError(name, sel);
  return el;
}

/**
 * All elements matching the NEWEST alternative that matches anything. Used where alternatives could nest
 * (an old card root inside a new one) and mixing generations would double-count.
 */
export function queryAllByPriority(root: ParentNode, sel: Selector): Element[] {
  for (const alt of sel) {
    const found = root.querySelectorAll(alt);
    if (found.length > 0) return Array.from(found);
  }
  return [];
}

/**
 * A selector made only of `[data-qa…]` tests (optionally with a tag), compiled so a parser can classify the
 * elements of ONE `querySelectorAll('[data-qa]')` pass in JS instead of running one DOM query per field
 * (listing.ts does this for speed; the selector strings here stay the single source of truth).
 */
export interface DataQaTest {
  tag: string | null;
  op: '=' | '^=' | '~=';
  value: string;
}

const DATA_QA_SIMPLE = /^([a-z][a-z0-9]*)?\[data-qa(\^=|~=|=)"([^"]+)"\]$/i;

/** The alternatives as data-qa tests, or null when any alternative is not a plain data-qa selector. */
export function dataQaTests(sel: Selector): DataQaTest[] | null {
  const out: DataQaTest[] = [];
  for (const alt of sel) {
    const m = DATA_QA_SIMPLE.exec(alt.trim());
    if (!m || !m[3]) return null;
    out.push({ tag: m[1]?.toLowerCase() ?? null, op: m[2] as DataQaTest['op'], value: m[3] });
  }
  return out;
}

/** Does an element with this data-qa value pass one of the tests? (Same semantics as the CSS.) */
export function matchesDataQa(tests: readonly DataQaTest[], el: Element, qa: string): boolean {
  for (const t of tests) {
    if (t.tag !== null && el.localName !== t.tag) continue;
    if (
      t.op === '='
        ? qa === t.value
        : t.op === '^='
          ? qa.startsWith(t.value)
          : ` ${qa} `.replace(/\s+/g, ' ').includes(` ${t.value} `)
    )
      return true;
  }
  return false;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Listing (SERP) cards. Same card markup on /search/vacancy, /vacancies/<slug> and the "suitable vacancies"
// block of /applicant/negotiations (NIK 2026-03, narrow variant).
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Results wrapper around the cards. */
export const serpResults = [
  '[data-qa="vacancy-serp__results"]', // 2026-04 NIK (1), 2026-07 UNB (1)
] as const satisfies Selector;

/**
 * Card root. The exact match comes first because it is ~6x cheaper than `~=` on a 7,500-element page (Chromium);
 * `~=` is needed for old markup that put several words in data-qa
 * (`data-qa="vacancy-serp__vacancy vacancy-serp__vacancy_premium"`).
 */
export const listingCard = [
  '[data-qa="vacancy-serp__vacancy"]', // 2026-04 NIK 50/50, 2026-07 UNB, 2026-08 AXI/LLR live
  '[data-qa="serp-item"]', // 2023-2025 transition (David-Roklem 2026-07: "hh убрал serp-item с корня")
  '[data-qa~="vacancy-serp__vacancy"]', // ≤2022 bloko: multi-word data-qa
  '.vacancy-serp-item', // ≤2022 bloko class
] as const satisfies Selector;

/** Element whose `id` is the vacancy id (validated as digits by the parser). */
export const cardIdHolder = [
  'div[id]', // 2026-04 NIK `<div id="131620241" class="vacancy-card--…">`, 2026-07 UNB
] as const satisfies Selector;

/** Title link, href `/vacancy/<id>?…`. */
export const cardTitleLink = [
  'a[data-qa="serp-item__title"]', // 2023→2026: NIK 50/50, UNB, AXI, LLR
  'a[data-qa="vacancy-serp__vacancy-title"]', // ≤2022 bloko (apxunov/pythonScrapper, litury/workwolk-analytics)
] as const satisfies Selector;

/** Title text without badges; when absent the title link's text is used. */
export const cardTitleText = [
  '[data-qa="serp-item__title-text"]', // 2025-2026 magritte: NIK 50/50, UNB, TGR
] as const satisfies Selector;

/** Heading that holds the title (where a badge can go). */
export const cardTitleHeading = [
  'h2[data-qa="bloko-header-2"]', // 2026-03/04 NIK (50/50 on the SERP); absent in the 2026-07 UNB cards
  'h3[data-qa="bloko-header-3"]', // ≤2024 bloko heading (assumed)
] as const satisfies Selector;

/** Employer link, href `/employer/<id>?…`. Anonymous vacancies have none. */
export const cardEmployerLink = [
  'a[data-qa="vacancy-serp__vacancy-employer"]', // 2026: NIK 50/50, UNB; also ≤2022 (text was the <a> itself)
] as const satisfies Selector;

/** Employer name. */
export const cardEmployerText = [
  '[data-qa="vacancy-serp__vacancy-employer-text"]', // 2025-2026 magritte: NIK 50/50, UNB
] as const satisfies Selector;

/**
 * Salary text, e.g. `от 250 000 ₽ за месяц, на руки`. Magritte gives it NO data-qa.
 * NEVER `[data-qa="vacancy-serp__compensation"]`: that is the hidden `<input name="salary">` of the search form
 * (2 on the NIK page), not a card salary.
 * The 2026-03 NIK narrow card and the 2026-07 UNB card put the salary <span> BEFORE the block instead, separated
 * by an empty spacer div: listing.ts finds it by walking the block's previous siblings (see `cardCompensationBlock`).
 * (`span:has(+ :empty + [class*="compensation-labels"])` would say the same in CSS, but happy-dom evaluates
 * `:has(+ a + b)` wrongly, and a looser `:has(~ …)` also catches the "Сейчас смотрят" span.)
 */
export const cardSalary = [
  '[class*="compensation-labels"] > span', // 2026-04 NIK wide card: first <span> inside the tags block (25/50)
  '[data-qa="vacancy-serp__vacancy-compensation"]', // ≤2024 bloko (AXI: "не работает на живом hh.ru с 2025")
] as const satisfies Selector;

/** The tags block (experience/remote/payout tags; in the wide card also the salary). Hashed class, no data-qa. */
export const cardCompensationBlock = [
  '[class*="compensation-labels"]', // 2026-03/04 NIK (50/50), 2026-07 UNB: `compensation-labels--vwum2s12fQUurc2J`
] as const satisfies Selector;

/** Experience tag; data-qa suffix = API experience id. */
export const cardExperience = [
  '[data-qa^="vacancy-serp__vacancy-work-experience-"]', // 2025-2026: NIK 29+13+8, UNB, AXI (all 4 suffixes live 2026-08)
  '[data-qa="vacancy-serp__vacancy-work-experience"]', // 2024: no suffix → parse the text
] as const satisfies Selector;

/** "Можно удалённо". */
export const cardRemoteLabel = [
  '[data-qa="vacancy-label-work-schedule-remote"]', // 2025-2026: NIK 34/50, UNB, AXI
  '[data-qa="vacancy-label-remote-work-schedule"]', // 2024 (beatwad)
  '[data-qa="vacancy-label-remote"]', // ≤2024 scrapers (AgentShekel/hh-bot)
] as const satisfies Selector;

/** Payout frequency tag, suffix MONTHLY / TWICE_PER_MONTH / … */
export const cardPayoutFrequency = [
  '[data-qa^="vacancy-serp__vacancy-compensation-frequency-"]', // 2026: NIK 3+15, UNB 1
] as const satisfies Selector;

/** Visible tags: experience, remote, payout, "Подходит по навыкам на 83%", "Отклик без резюме", … */
export const cardTagLabel = [
  '[class*="magritte-tag__label"]', // 2026-03/04 NIK, 2026-07 UNB (hashed `magritte-tag__label___YHV-o_5-1-6`)
  '[data-qa^="vacancy-label-"]', // ≤2024 labels had only data-qa (AXI reference-map 2026-08 still lists them)
] as const satisfies Selector;

/** Address, `Москва, р-н Западное Дегунино`; city = text before the first comma. */
export const cardAddress = [
  '[data-qa="vacancy-serp__vacancy-address"]', // 2026: NIK 50/50, UNB; also ≤2022
] as const satisfies Selector;

/** Snippet (requirements). Not always rendered: absent on the NIK 50-card SERP and UNB, present on NIK negotiations. */
export const cardSnippetRequirement = [
  '[data-qa="vacancy-serp__vacancy_snippet_requirement"]', // 2026-03 NIK negotiations (6/6), AXI 2026-08; also ≤2022
] as const satisfies Selector;

/** Snippet (responsibilities). */
export const cardSnippetResponsibility = [
  '[data-qa="vacancy-serp__vacancy_snippet_responsibility"]', // 2026-03 NIK negotiations (5/6), AXI 2026-08
] as const satisfies Selector;

/** "Откликнуться" link, href `/applicant/vacancy_response?vacancyId=…&employerId=…`. */
export const cardResponseLink = [
  'a[data-qa="vacancy-serp__vacancy_response"]', // 2026: NIK 50/50, UNB, TGR, AXI, LLR
] as const satisfies Selector;

/**
 * "Already applied" marker on a card. UNCONFIRMED: no fixture has an applied card. AXI lists this data-qa as
 * unverified; we also accept the vacancy page's chat link in case the card reuses it.
 */
export const cardAppliedMarker = [
  '[data-qa="vacancy-serp__vacancy_response_status"]', // unconfirmed (AXI search_page.py, 2026-08)
] as const satisfies Selector;

/** A link to the conversation about this vacancy (appears once you have applied; unconfirmed on cards). */
export const cardChatLink = [
  'a[data-qa="vacancy-response-link-view-topic"]', // vacancy page after applying (LLR 2026-09-01); assumed on cards
  'a[href*="chatik.hh.ru"]', // chat origin (LLR 2026-08); unconfirmed on cards
] as const satisfies Selector;

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Vacancy page /vacancy/<id>
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

export const vacancyTitle = [
  'h1[data-qa="vacancy-title"]', // 2026-07 UNB, 2026-09 KHR, LLR, AXI, TGR, AHK
  '[data-qa="vacancy-title"]', // same data-qa on a non-h1 (branded pages, assumed; AHK 2026-02 selects without h1)
] as const satisfies Selector;

/** Salary block; text like `от 140 000 до 180 000 ₽ за месяц до вычета налогов` (2026-09 uses <data value>). */
export const vacancySalary = [
  '[data-qa="vacancy-salary"]', // 2026-07 UNB, 2026-09 KHR, beatwad 2024
] as const satisfies Selector;

/** `vacancy-salary-compensation-type-net` (на руки) / `…-gross` (до вычета налогов). */
export const vacancySalaryType = [
  '[data-qa^="vacancy-salary-compensation-type-"]', // 2026-07 UNB (net), 2026-09 KHR (gross)
] as const satisfies Selector;

/** `Выплаты: два раза в месяц`. */
export const vacancyPayoutFrequency = [
  '[data-qa="compensation-frequency-text"]', // 2026-09 KHR
] as const satisfies Selector;

/** Experience value, `1–3 года`. */
export const vacancyExperience = [
  '[data-qa="vacancy-experience"]', // 2026-07 UNB, 2026-09 KHR, LLR
  '[data-qa="work-experience-text"]', // wrapper `Опыт работы: 1–3 года`: 2026-07 UNB, 2026-09 KHR
] as const satisfies Selector;

/** `Полная занятость`. */
export const vacancyEmployment = [
  '[data-qa="common-employment-text"]', // 2025-2026 "employment terms" block: 2026-09 KHR
  '[data-qa="vacancy-view-employment-mode"]', // 2024 (beatwad, AHK)
] as const satisfies Selector;

/** `График: 5/2`. */
export const vacancyScheduleByDays = [
  '[data-qa="work-schedule-by-days-text"]', // 2026-09 KHR
] as const satisfies Selector;

/** `Рабочие часы: 8`. */
export const vacancyWorkingHours = [
  '[data-qa="working-hours-text"]', // 2026-09 KHR
] as const satisfies Selector;

/** `Формат работы: удалённо` / `на месте работодателя` / `гибрид` / `разъездной`. */
export const vacancyWorkFormats = [
  '[data-qa="work-formats-text"]', // 2026-07 UNB, 2026-09 KHR
] as const satisfies Selector;

/** Remote label on the vacancy page (older layouts). */
export const vacancyRemoteLabel = [
  '[data-qa="vacancy-label-work-schedule-remote"]', // scrapers, 2025-2026 (not in our fixtures)
  '[data-qa="vacancy-label-remote-work-schedule"]', // 2024
] as const satisfies Selector;

/** Employer link, href `/employer/<id>`. */
export const vacancyCompanyName = [
  'a[data-qa="vacancy-company-name"]', // 2026-07 UNB, 2026-09 KHR, AXI, TGR, AHK
  '[data-qa="vacancy-company-name"]', // anonymous/branded employer without a link (assumed)
] as const satisfies Selector;

/** Address / location. */
export const vacancyAddress = [
  '[data-qa="vacancy-address-with-map"]', // 2026-07 UNB
  '[data-qa="vacancy-view-raw-address"]', // TGR 2026-07, AgentShekel
  '[data-qa="vacancy-view-location"]', // p, city only (Vadtop, 2025-26)
  '[data-qa="vacancy-area"]', // ≤2024 scrapers (AgentShekel)
] as const satisfies Selector;

/** Description HTML. */
export const vacancyDescription = [
  '[data-qa="vacancy-description"]', // 2026-07 UNB, 2026-09 KHR, LLR, AXI, AHK
  '[data-qa="vacancy-branded"]', // branded template (beatwad 2024)
] as const satisfies Selector;

/** Key skills, one element per skill. */
export const vacancyKeySkill = [
  '[data-qa="skills-element"]', // 2025-2026 magritte (LLR, RustamSDET, AHK); none in our fragments
  '[data-qa="bloko-tag__text"]', // ≤2024 bloko tags (job-radar fallback comment)
] as const satisfies Selector;

/** The apply button ("Откликнуться"); several copies (top, bottom, sticky). */
export const vacancyResponseLink = [
  '[data-qa="vacancy-response-link-top"]', // LLR 2026-08-29, AXI, TGR
  '[data-qa="vacancy-response-link-bottom"]', // bottom copy of the same button (AXI 2026-08)
] as const satisfies Selector;

/** Present only after you have applied: "Откликнуться повторно" and the chat link. */
export const vacancyAppliedMarker = [
  '[data-qa="vacancy-response-link-top-again"]', // LLR live comparison 2026-09-01
  '[data-qa="vacancy-response-link-view-topic"]', // LLR 2026-09-01, AXI
  '[data-qa="already-responded-text"]', // 2026-05 NIK response page ("Вы уже откликались")
] as const satisfies Selector;

/** Embedded JSON blocks (`{"test":{"hasTests":…},"shortVacancy":{…}}` on the 2026-07 UNB fragment). */
export const vacancyEmbeddedJson = [
  'script[type="application/json"]', // 2026-07 UNB (HTML-escaped JSON)
] as const satisfies Selector;

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Embedded server state (any full page load)
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

export const initialStateTemplate = [
  'template#HH-Lux-InitialState', // 2026-04 NIK; S3R, KHR (2026-09)
  '#HH-Lux-InitialState', // same id on another element (defensive, 2026)
] as const satisfies Selector;
