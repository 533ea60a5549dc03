import type { MatchVacancy, WorkFormat } from '../match/vacancy';
import type { NegativeFlag } from './employer-warnings';
import { decodeEntities, parseMaybeEscapedJson, type StateVacancyView } from './initial-state';
import { experienceFromText } from './listing';
import { employerIdFromHref, vacancyIdFromHref, vacancyIdFromUrl, type UrlLike } from './page-detect';
import { grossFromText, normalizeSpaces, parseSalaryText, payoutFrequencyFromText, type CardSalary } from './salary';
import {
  anyOf,
  ElementNotFoundError,
  queryRequired,
  vacancyAddress,
  vacancyAppliedMarker,
  vacancyCompanyName,
  vacancyDescription,
  vacancyEmbeddedJson,
  vacancyEmployment,
  vacancyExperience,
  vacancyKeySkill,
  vacancyPayoutFrequency,
  vacancyRemoteLabel,
  vacancyResponseLink,
  vacancySalary,
  vacancySalaryType,
  vacancyScheduleByDays,
  vacancyTitle,
  vacancyWorkFormats,
  vacancyWorkingHours,
} from './selectors';

/**
 * The vacancy page /vacancy/<id> (DOM) → `MatchVacancy` with description and key skills, plus apply-related
 * flags. Evidence: UNB fragment 2026-07, KHR excerpts 2026-09 (hh build 26.37), LLR/AXI selector maps.
 * A current page state (`stateVacancyView`) can be passed to fill what the DOM lacks; DOM wins where both exist.
 */

export interface VacancyPage {
  vacancy: MatchVacancy & { salary: CardSalary | null };
  /** true: applied markers present ("Откликнуться повторно", chat link); false: a plain apply button; null: unknown. */
  applied: boolean | null;
  /** The employer wants answers to questions before the response; null = unknown. */
  testRequired: boolean | null;
  /** A cover letter is required; null = unknown (the DOM does not show it before the apply form opens). */
  letterRequired: boolean | null;
  /** false: the employer refuses automatic applications (`autoResponse`, page state); null = the page did not say. */
  acceptAutoResponse: boolean | null;
  /** hh's warnings about the employer from the page's state; null = the state did not say (the 2026-09 page does not). */
  employerWarnings: NegativeFlag[] | null;
  applyUrl?: string;
}

export interface ParseVacancyPageOptions {
  /** The page URL (normally `location`); the vacancy id comes from it first. */
  url?: UrlLike;
  /** A CURRENT state's vacancy (see initial-state.ts); ignored when its id differs from the page's. */
  state?: StateVacancyView | null;
}

const TEXT_SEL = {
  salary: anyOf(vacancySalary),
  salaryType: anyOf(vacancySalaryType),
  payout: anyOf(vacancyPayoutFrequency),
  experience: anyOf(vacancyExperience),
  employment: anyOf(vacancyEmployment),
  schedule: anyOf(vacancyScheduleByDays),
  hours: anyOf(vacancyWorkingHours),
  formats: anyOf(vacancyWorkFormats),
  remote: anyOf(vacancyRemoteLabel),
  company: anyOf(vacancyCompanyName),
  address: anyOf(vacancyAddress),
  description: anyOf(vacancyDescription),
  skill: anyOf(vacancyKeySkill),
  response: anyOf(vacancyResponseLink),
  applied: anyOf(vacancyAppliedMarker),
  json: anyOf(vacancyEmbeddedJson),
};

function text(el: Element | null): string {
  return el ? normalizeSpaces(el.textContent ?? '') : '';
}

/** Text after the first colon ("Формат работы: удалённо" → "удалённо"). */
function afterColon(s: string): string {
  const i = s.indexOf(':');
  return (i >= 0 ? s.slice(i + 1) : s).trim();
}

/** `Формат работы: на месте работодателя, гибрид` → ['ON_SITE', 'HYBRID']. */
export function workFormatsFromText(s: string): WorkFormat[] {
  const t = s.toLowerCase();
  const out: WorkFormat[] = [];
  if (/на\s+месте\s+работодателя|в\s+офисе|офис/.test(t)) out.push('ON_SITE');
  if (/удал[её]нн?о|удал[её]нная|remote/.test(t)) out.push('REMOTE');
  if (/гибрид/.test(t)) out.push('HYBRID');
  if (/разъездн/.test(t)) out.push('FIELD_WORK');
  return out;
}

interface EmbeddedHints {
  id?: string;
  hasTests?: boolean;
}

/**
 * `<script type="application/json">{"test":{"hasTests":false},"shortVacancy":{"vacancyId":…}}` (UNB 2026-07,
 * HTML-escaped). The UNB copy is truncated (unbalanced braces), so when JSON.parse fails we fall back to reading
 * the two keys with a regex: these are hints, never required.
 */
function embeddedHints(root: ParentNode): EmbeddedHints {
  const out: EmbeddedHints = {};
  for (const s of root.querySelectorAll(TEXT_SEL.json)) {
    const raw = s.textContent ?? '';
    if (!/hasTests|shortVacancy/.test(raw) && !/hasTests|shortVacancy/.test(decodeEntities(raw))) continue;
    const j = parseMaybeEscapedJson(raw);
    let id: unknown;
    let hasTests: unknown;
    if (j && typeof j === 'object') {
      const o = j as { test?: { hasTests?: unknown }; shortVacancy?: { vacancyId?: unknown } };
      id = o.shortVacancy?.vacancyId;
      hasTests = o.test?.hasTests;
    } else {
      const t = decodeEntities(raw);
      id = /"shortVacancy"\s*:\s*\{[^{}]*?"vacancyId"\s*:\s*"?(\d+)/.exec(t)?.[1];
      const ht = /"test"\s*:\s*\{[^{}]*?"hasTests"\s*:\s*(true|false)/.exec(t)?.[1];
      hasTests = ht === undefined ? undefined : ht === 'true';
    }
    if (out.id === undefined && (typeof id === 'number' || (typeof id === 'string' && /^\d+$/.test(id))))
      out.id = String(id);
    if (out.hasTests === undefined && typeof hasTests === 'boolean') out.hasTests = hasTests;
  }
  return out;
}

/**
 * Parse the vacancy page. Throws `ElementNotFoundError` when there is no title (not a vacancy page, or hh changed
 * the markup) and an Error when no vacancy id can be found (URL, state, apply link, embedded JSON).
 */
/**
 * The description's HTML with what the live page's CSS hides marked `hidden` (issue 16): a class the page styles
 * as display:none leaves no trace in innerHTML, and the letter writer (lib/worker/letters/html-text.ts) drops and
 * reports marked text instead of passing it to the model. Outside a live page (no computed styles) the HTML as is.
 */
function descriptionHtml(el: Element): string {
  const view = el.ownerDocument?.defaultView;
  const live = el.querySelectorAll('*');
  if (!view || typeof view.getComputedStyle !== 'function' || live.length > 3000) return el.innerHTML.trim();
  const clone = el.cloneNode(true) as Element;
  const copies = clone.querySelectorAll('*');
  const hides = (node: Element) => {
    const cs = view.getComputedStyle(node);
    const size = parseFloat(cs.fontSize);
    const opacity = parseFloat(cs.opacity);
    return (
      cs.display === 'none' ||
      cs.visibility === 'hidden' ||
      cs.visibility === 'collapse' ||
      (Number.isFinite(opacity) && opacity < 0.1) ||
      (Number.isFinite(size) && size < 4)
    );
  };
  // A description that is itself not rendered (a parsed, detached document) says nothing about its parts.
  if (!el.isConnected || hides(el)) return el.innerHTML.trim();
  live.forEach((node, i) => {
    if (hides(node)) copies[i]?.setAttribute('hidden', '');
  });
  return clone.innerHTML.trim();
}

export function parseVacancyPage(root: ParentNode, opts: ParseVacancyPageOptions = {}): VacancyPage {
  const title = text(queryRequired(root, vacancyTitle, 'vacancy title')).replace(/[\u2010\u2011]/g, '-');
  const responseEl = root.querySelector(TEXT_SEL.response);
  const responseHref = responseEl?.getAttribute('href') ?? null;
  const hints = embeddedHints(root);
  const idFromUrl = opts.url !== undefined ? vacancyIdFromUrl(opts.url) : null;
  const id = idFromUrl ?? opts.state?.id ?? vacancyIdFromHref(responseHref) ?? hints.id ?? null;
  if (!id) throw new Error('vacancy page: no vacancy id (url, state, apply link or embedded JSON)');
  const state = opts.state && opts.state.id === id ? opts.state : null;

  // Salary: "от 140 000 до 180 000 ₽ за месяц до вычета налогов"; net/gross also in the inner data-qa.
  const salaryEl = root.querySelector(TEXT_SEL.salary);
  let salary: CardSalary | null = salaryEl ? parseSalaryText(salaryEl.textContent) : null;
  if (salary && salary.gross === null) {
    const qa = root.querySelector(TEXT_SEL.salaryType)?.getAttribute('data-qa') ?? '';
    if (qa.endsWith('-gross')) salary.gross = true;
    else if (qa.endsWith('-net')) salary.gross = false;
    else salary.gross = grossFromText(qa);
  }
  const payout = payoutFrequencyFromText(text(root.querySelector(TEXT_SEL.payout)));
  if (salary && payout) salary.frequency = payout;
  if (!salary && state?.salary) salary = state.salary;

  const experience = experienceFromText(text(root.querySelector(TEXT_SEL.experience))) ?? state?.experience ?? null;

  const formatsText = text(root.querySelector(TEXT_SEL.formats));
  let workFormats = workFormatsFromText(afterColon(formatsText));
  if (root.querySelector(TEXT_SEL.remote) && !workFormats.includes('REMOTE')) workFormats.push('REMOTE');
  if (!workFormats.length && state) workFormats = state.workFormats;

  const scheduleParts = [
    text(root.querySelector(TEXT_SEL.employment)),
    text(root.querySelector(TEXT_SEL.schedule)),
    text(root.querySelector(TEXT_SEL.hours)),
    formatsText,
  ].filter(Boolean);

  const companyEl = root.querySelector(TEXT_SEL.company);
  const companyName = text(companyEl);
  const companyId = employerIdFromHref(companyEl?.getAttribute('href')) ?? employerIdFromHref(responseHref);
  const employer: MatchVacancy['employer'] = companyName
    ? companyId
      ? { id: companyId, name: companyName }
      : { name: companyName }
    : (state?.employer ?? null);

  const address = text(root.querySelector(TEXT_SEL.address));
  const descriptionEl = root.querySelector(TEXT_SEL.description);
  const description = descriptionEl ? descriptionHtml(descriptionEl) : state?.description;
  const skills: string[] = [];
  for (const s of root.querySelectorAll(TEXT_SEL.skill)) {
    const t = text(s);
    if (t && !skills.includes(t)) skills.push(t);
  }
  const keySkills = skills.length ? skills : state?.keySkills;

  const vacancy: VacancyPage['vacancy'] = {
    id,
    title: title || state?.title || '',
    employer,
    salary,
    experience,
    workFormats,
  };
  if (scheduleParts.length) vacancy.scheduleText = scheduleParts.join(', ');
  const area = address ? (address.split(',')[0] ?? '').trim() : state?.area;
  if (area) vacancy.area = area;
  if (address || state?.address) vacancy.address = address || state?.address;
  if (description) vacancy.description = description;
  if (keySkills) vacancy.keySkills = keySkills;

  // Applied: LLR (2026-09-01) saw `vacancy-response-link-top` replaced by `…-top-again` + `…-view-topic`.
  let applied: boolean | null = null;
  if (root.querySelector(TEXT_SEL.applied)) applied = true;
  else if (responseEl) applied = false;
  if (applied === null && state) applied = state.alreadyApplied;

  const page: VacancyPage = {
    vacancy,
    applied,
    testRequired: hints.hasTests ?? state?.testRequired ?? null,
    letterRequired: state?.letterRequired ?? null,
    acceptAutoResponse: state?.acceptAutoResponse ?? null,
    employerWarnings: state?.employerNegative ?? null,
  };
  if (page.employerWarnings) vacancy.employerWarnings = page.employerWarnings;
  if (responseHref) page.applyUrl = responseHref;
  return page;
}

export { ElementNotFoundError };

/** Where Otklik's panel goes on a vacancy page: before the title heading; null when the page has none. */
export function vacancyPanelAnchor(root: ParentNode): Element | null {
  return root.querySelector(anyOf(vacancyTitle));
}
