/**
 * The search listing (`/search/vacancy`): cards in the real magritte markup of the 2026-04 logged-in SERP
 * (data-qa attributes, nesting, hashed class names), the pager, the empty block, the InitialState
 * `vacancySearchResult`, and a small inline script for SPA navigation / appended cards.
 */
import { snippetOf, type Vacancy } from './data.ts';
import { cardSalaryHtml, esc, EXPERIENCE_CARD_LABEL, FREQUENCY_LABEL, groupThousands, plural } from './format.ts';
import { fnv1a } from './hash.ts';
import { baseInitialState, layout, type PageContext } from './render-pages.ts';

export interface ListingModel {
  /** The vacancies of this page. */
  vacancies: Vacancy[];
  totalResults: number;
  page: number;
  perPage: number;
  /** How many pages the pager offers (hh caps depth at 2000 results). */
  pages: number;
  /** The query string without `page` (used to build pager links). */
  params: URLSearchParams;
  text: string;
  /** Title of the resume for `resume=HASH` searches. */
  resumeTitle: string | null;
  appliedIds: ReadonlySet<number>;
  showSnippets: boolean;
  /**
   * How many cards the server renders as HTML (`otk_ssr=20` is what hh does; default all); the page's script renders the
   * rest after load, from data already in the page. The state always holds all of them.
   */
  ssr?: number;
  /** `otk_state`: escaped (hh's raw server answer, default), plain (a saved page), none (no state). */
  stateEncoding?: 'plain' | 'escaped' | 'none';
}

/** ~3 in 10 employers refuse automatic applications (hh's `autoResponse.acceptAutoResponse`), by a hash of the id: our choice. */
export function acceptsAutoResponse(id: number): boolean {
  return fnv1a(`auto:${id}`) % 10 >= 3;
}

/** ~1 in 12 employers carry one of hh's negative attributes (hasBreaches, …), by a hash of the employer: our choice. */
export function negativeAttributesFor(employerId: number | undefined): Record<string, unknown> | undefined {
  if (!employerId) return undefined;
  const h = fnv1a(`neg:${employerId}`);
  if (h % 12 !== 0) return undefined;
  const flag = ['hasBreaches', 'hasFrequentComplaints', 'pdResale', 'misleadingVacancyAlert'][(h >>> 4) % 4]!;
  return {
    employerId,
    hasBreaches: false,
    pdResale: false,
    hasFrequentComplaints: false,
    isReferral: false,
    reduction: false,
    misleadingVacancyAlert: false,
    [flag]: true,
    creationDate: '2026-08-29',
  };
}

/** hh's response counter for a vacancy (deterministic). */
export function responsesFor(id: number): number {
  return fnv1a(`resp:${id}`) % 600;
}

const SP = (px: number, xs = px) =>
  `<div class="magritte-v-spacing___R3QYf_2-1-12" style="--magritte-spacing-xs: ${xs}px; --magritte-spacing-s: ${px}px; --magritte-spacing-m: ${px}px; --magritte-spacing-l: ${px}px; --magritte-spacing-xl: ${px}px; --magritte-spacing-xxl: ${px}px;"></div>`;
const TAG = (inner: string, style = 'neutral') =>
  `<div class="magritte-tag___WdGxk_5-1-6 magritte-tag_style-${style}___cw1Bt_5-1-6 magritte-tag_size-medium___Splpy_5-1-6"><div class="magritte-tag__label___YHV-o_5-1-6">${inner}</div></div>`;
const ICON_HEART =
  '<svg width="24" height="24" viewBox="0 0 24 24" fill="none" xmlns="http://www.w3.org/2000/svg" role="img" focusable="false" class="magritte-icon___rRr4Q_13-11-2 magritte-icon_initial-primary___KhLAU_13-11-2" aria-hidden="true"><g><path d="M12 21C7 18 0 13.952 0 8.952 0 3.47 6.377.83 10.806 5.17q.628.613 1.194 1.417a9.8 9.8 0 0 1 1.197-1.413C17.626.879 24 3.747 24 8.953c0 5-7 9.047-12 12.047" fill="currentColor"></path></g></svg>';
const ICON_EYE =
  '<svg width="24" height="24" viewBox="0 0 24 24" fill="none" xmlns="http://www.w3.org/2000/svg" role="img" focusable="false" class="magritte-icon___rRr4Q_13-11-2 magritte-icon_initial-primary___KhLAU_13-11-2" aria-hidden="true"><g><path d="M0 12c.5-2 6-8 12-8s11.5 6 12 8c-.5 2-6 8-12 8S.5 14 0 12m12 4a4 4 0 1 0 0-8 4 4 0 0 0 0 8" fill="currentColor"></path></g></svg>';
const ICON_CHECK =
  '<svg width="16" height="16" viewBox="0 0 16 16" fill="none" xmlns="http://www.w3.org/2000/svg" role="img" focusable="false" class="magritte-icon___rRr4Q_13-11-2 magritte-icon_initial-accent___E3b-y_13-11-2" aria-hidden="true"><g><circle cx="8" cy="8" r="8" fill="currentColor"></circle><path d="m11.987 5.999-.99-.99-3.999 3.999-2-2-.99.99 2.99 2.99z" fill="#fff"></path></g></svg>';
const ICON_STAR =
  '<svg width="16" height="16" viewBox="0 0 16 16" fill="none" xmlns="http://www.w3.org/2000/svg" role="img" focusable="false" class="magritte-icon___rRr4Q_13-11-2 magritte-icon_initial-warning-secondary___FpETD_13-11-2" aria-hidden="true"><g><path d="M8 .5l2.2 4.7 5.3.6-4 3.6 1.1 5.2L8 12l-4.6 2.6 1.1-5.2-4-3.6 5.3-.6z" fill="currentColor"></path></g></svg>';

function watchersText(n: number): string {
  return `Сейчас ${plural(n, 'смотрит', 'смотрят', 'смотрят')} ${n} ${plural(n, 'человек', 'человека', 'человек')}`;
}

/** One SERP card, structure copied from fixtures/hh/serp/hh_serp_loggedin_magritte_2026-04.html. */
export function renderCard(v: Vacancy, origin: string, showSnippets: boolean): string {
  const h = fnv1a(`card:${v.id}`);
  const employerId = v.employer?.id ?? 0;
  const labels: string[] = [];
  if (v.salary)
    labels.push(
      `<span class="magritte-text___pbpft_4-5-2 magritte-text_style-primary___AQ7MW_4-5-2 magritte-text_typography-label-1-regular___pi3R-_4-5-2">${cardSalaryHtml(v.salary)}</span>`,
    );
  labels.push(
    TAG(
      `<span data-qa="vacancy-serp__vacancy-work-experience-${v.experience}">${EXPERIENCE_CARD_LABEL[v.experience]}</span>`,
    ),
  );
  if (v.remote) labels.push(TAG('<span data-qa="vacancy-label-work-schedule-remote">Можно удалённо</span>'));
  if (v.salary?.frequency)
    labels.push(
      TAG(
        `<span data-qa="vacancy-serp__vacancy-compensation-frequency-${v.salary.frequency}">${FREQUENCY_LABEL[v.salary.frequency]}</span>`,
      ),
    );

  const rating = h % 4 !== 0 ? (3.5 + ((h >>> 4) % 15) / 10).toFixed(1) : null;
  const reviews = 1 + ((h >>> 8) % 250);
  const employer = v.employer
    ? `<div class="company-name-badges-container--ofqQHaTYRFg0JM18"><a class="magritte-link___b4rEM_7-1-8 magritte-link_mode_primary___l6una_7-1-8 magritte-link_style_neutral___iqoW0_7-1-8" data-qa="vacancy-serp__vacancy-employer" tabindex="0" href="/employer/${employerId}?hhtmFrom=vacancy_search_list"><span class="magritte-icon-dynamic___KJ4yJ_13-11-2"><span class="magritte-text___pbpft_4-5-2 magritte-text_style-primary___AQ7MW_4-5-2 magritte-text_typography-label-3-regular___Nhtlp_4-5-2"><span data-qa="vacancy-serp__vacancy-employer-text" class="magritte-text___tkzIl_7-1-8">${esc(v.employer.name)}</span></span></span></a>${h % 3 !== 2 ? `<a data-qa="trusted-employer-link" target="_blank" href="https://feedback.hh.ru/article/details/id/5951"><span class="trusted-employer-check-icon--nJknXR93rX4AV_LR">${ICON_CHECK}</span></a>` : ''}<span class="employer-online-magritte--iiyROJ4rEW7YVMwu" data-qa="vacancy-serp-item-activity"></span></div>`
    : '';
  const ratingHtml =
    v.employer && rating
      ? `${SP(4)}<div data-qa="company-review-rating"><div class="magritte-h-spacing-container___rrYJZ_2-1-12" style="--magritte-spacing-m: 4px;">${ICON_STAR}<div class="magritte-text___pbpft_4-5-2 magritte-text_style-primary___AQ7MW_4-5-2 magritte-text_typography-label-4-regular___E5l2b_4-5-2"><span data-qa="company-review-rating-value">${rating}</span></div><div class="magritte-text___pbpft_4-5-2 magritte-text_style-secondary___1IU11_4-5-2 magritte-text_typography-label-4-regular___E5l2b_4-5-2">•</div><div class="magritte-text___pbpft_4-5-2 magritte-text_style-secondary___1IU11_4-5-2 magritte-text_typography-label-4-regular___E5l2b_4-5-2"><span data-qa="company-review-rating-reviews-count"><span>${reviews}&nbsp;${plural(reviews, 'отзыв', 'отзыва', 'отзывов')}</span></span></div></div></div>`
      : '';
  const address = `<span data-qa="vacancy-serp__vacancy-address" class="magritte-text___pbpft_4-5-2 magritte-text_style-primary___AQ7MW_4-5-2 magritte-text_typography-label-3-regular___Nhtlp_4-5-2">${esc(v.address && v.address.length < 60 ? v.address : v.area)}</span>${
    v.metro
      ? `<div class="magritte-h-spacing___UQIrk_2-1-12" style="--magritte-spacing-m: 12px;"></div><span class="metro-station"><span class="metro-point metro-point_redesign" style="color: rgb(0, 154, 73);"></span><span class="magritte-text___pbpft_4-5-2 magritte-text_style-primary___AQ7MW_4-5-2 magritte-text_typography-label-3-regular___Nhtlp_4-5-2"><span data-qa="address-metro-station-name">${esc(v.metro)}</span></span></span>`
      : ''
  }`;
  let snippets = '';
  if (showSnippets) {
    const s = snippetOf(v);
    snippets =
      (s.resp
        ? `${SP(8)}<div class="magritte-text___pbpft_4-5-2 magritte-text_style-primary___AQ7MW_4-5-2 magritte-text_typography-paragraph-3-regular___dgDy0_4-5-2" data-qa="vacancy-serp__vacancy_snippet_responsibility">${esc(s.resp)}</div>`
        : '') +
      (s.req
        ? `<div class="magritte-text___pbpft_4-5-2 magritte-text_style-primary___AQ7MW_4-5-2 magritte-text_typography-paragraph-3-regular___dgDy0_4-5-2" data-qa="vacancy-serp__vacancy_snippet_requirement">${esc(s.req)}</div>`
        : '');
  }
  const tags: string[] = [];
  if (h % 5 === 0) tags.push(TAG(`Подходит по&nbsp;навыкам на&nbsp;${60 + (h % 40)}%`, 'positive'));
  if (h % 11 === 3) tags.push(TAG('<span data-qa="vacancy-label-no-resume">Отклик без резюме</span>'));
  const tagsHtml = tags.length
    ? `${SP(16)}<div class="magritte-v-spacing-container___mkW1c_2-1-12" style="--magritte-spacing-m: 8px;"><div class="labels--DChoMNziQ_YzXzK3">${tags.join('')}</div></div>`
    : '';
  const responseHref = `/applicant/vacancy_response?vacancyId=${v.id}&amp;employerId=${employerId}&amp;hhtmFrom=vacancy_search_list`;

  return (
    `<div data-qa="vacancy-serp__vacancy" tabindex="0" role="button" class="magritte-card___bhGKz_8-3-10 magritte-card-style-primary___eZ6aX_8-3-10 magritte-card-shadow-level-0___RNbQK_8-3-10 magritte-card-stretched___0Uc0J_8-3-10 magritte-card-press-enabled___kXfCl_8-3-10 magritte-card-hover-enabled___-wolU_8-3-10 magritte-increase-shadow___Lvfmm_8-3-10 magritte-border-default___eT8Lg_8-3-10" style="padding: 12px; border-radius: 24px; --magritte-ui-table-border-radius: 24px;">` +
    `<div class="magritte-icon-dynamic___KJ4yJ_13-11-2 magritte-icon-dynamic_full-width___vgWH5_13-11-2"><div class="magritte-flex-container___CVFEY_8-3-10"><div class="magritte-text-dynamic___71-Al_4-5-2 magritte-text-dynamic_stretched___wzj-Q_4-5-2">` +
    `<div id="${v.id}" class="vacancy-card--n77Dj8TY8VIUF0yM font-inter"><div class="vacancy-info--ieHKDTkezpEj0Gsx">` +
    `<div class="actions-container-wide--alaHL_C4vWy2UKwe"><button aria-label="Добавить в избранное" type="button" class="magritte-action___JtMQB_5-1-6 magritte-action-mode-secondary___jvHEK_5-1-6" data-qa="vacancy-search-mark-favorite_false">${ICON_HEART}</button><button aria-label="Скрыть" type="button" class="magritte-action___JtMQB_5-1-6 magritte-action-mode-secondary___jvHEK_5-1-6" data-qa="vacancy__blacklist-show-add">${ICON_EYE}</button></div>` +
    `<span class="magritte-text___pbpft_4-5-2 magritte-text_style-tertiary___ANX5P_4-5-2 magritte-text_typography-label-4-regular___E5l2b_4-5-2"><span>${watchersText(v.watchers)}</span></span>${SP(8)}` +
    `<h2 data-qa="bloko-header-2" class="bloko-header-section-2"><span class="custom-color-magritte-link--vpnos5EPubw4tVcY vacancy-name-wrapper--PSD41i3dJDUNb5Tr"><a class="magritte-link___b4rEM_7-1-8 magritte-link_mode_primary___l6una_7-1-8 magritte-link_style_neutral___iqoW0_7-1-8 magritte-link_enable-visited___Biyib_7-1-8" data-qa="serp-item__title" tabindex="0" href="${origin}/vacancy/${v.id}?hhtmFrom=vacancy_search_list" target="_blank"><span class="magritte-icon-dynamic___KJ4yJ_13-11-2"><span class="magritte-text___pbpft_4-5-2 magritte-text_style-primary___AQ7MW_4-5-2 magritte-text_typography-title-4-semibold___vUqki_4-5-2"><span data-qa="serp-item__title-text" class="magritte-text___tkzIl_7-1-8">${esc(v.name)}</span></span></span></a></span></h2>${SP(8)}` +
    `<div class="compensation-labels--vwum2s12fQUurc2J compensation-labels_magritte--pbBIkJ7Ww24ZILKz">${labels.join('')}</div>` +
    `<div class="info-section--YaC_npvTFcwpFd1I"><div>${SP(16)}<div class="vacancy-logo-container--Pn3aW9pJNTk6xlox"></div>${employer}${ratingHtml}<div>${SP(16)}${address}</div></div></div>` +
    `${snippets}${tagsHtml}</div>` +
    `<div class="vacancy-card-footer--aYwBwcyTbrwsU6u8">${SP(12)}<div><div class="magritte-h-spacing-container___rrYJZ_2-1-12" style="--magritte-spacing-m: 12px;"><a class="magritte-button___Pubhr_7-1-6 magritte-button_mode-primary___wU8PN_7-1-6 magritte-button_size-medium___WvUsb_7-1-6 magritte-button_style-accent___TE21J_7-1-6" tabindex="0" role="button" aria-disabled="false" data-qa="vacancy-serp__vacancy_response" href="${responseHref}"><span class="magritte-button-view___53Slm_7-1-6"><span class="magritte-button__content___BXYU0_7-1-6"><span class="magritte-button__label___zplmt_7-1-6">Откликнуться</span></span></span></a>${h % 4 === 1 ? '<button class="magritte-button___Pubhr_7-1-6 magritte-button_mode-secondary___xYz4-_7-1-6 magritte-button_size-medium___WvUsb_7-1-6" type="button" data-qa="vacancy-serp__vacancy_contacts">Связаться</button>' : ''}</div></div></div>` +
    `</div></div></div></div><div class="magritte-border-element___x7sZL_8-3-10" style="border-radius: 24px;"></div></div>`
  );
}

/** The cards as they sit in `[data-qa="vacancy-serp__results"]` (each in hh's wrapper + spacing). */
export function renderCards(vacancies: readonly Vacancy[], origin: string, showSnippets: boolean): string {
  return vacancies
    .map(
      (v) =>
        `<div><div class="magritte-redesign"><div></div>${renderCard(v, origin, showSnippets)}</div>${SP(16)}</div>`,
    )
    .join('');
}

function pageHref(params: URLSearchParams, page: number): string {
  const p = new URLSearchParams(params);
  p.set('page', String(page));
  p.set('hhtmFrom', 'vacancy_search_list');
  return `/search/vacancy?${p.toString().replace(/&/g, '&amp;')}`;
}

export function renderPager(m: ListingModel): string {
  if (m.pages <= 1) return '';
  const shown = new Set<number>([0, m.pages - 1]);
  const lo = m.page < 7 ? 0 : m.page - 3;
  const hi = m.page < 7 ? Math.min(7, m.pages - 1) : Math.min(m.page + 3, m.pages - 1);
  for (let i = lo; i <= hi; i++) shown.add(i);
  const nums = [...shown].sort((a, b) => a - b);
  const cls =
    'magritte-text___pbpft_4-5-2 magritte-text_style-primary___AQ7MW_4-5-2 magritte-text_typography-label-2-regular___ia7GB_4-5-2';
  let html = '';
  let prev = -1;
  for (const n of nums) {
    if (prev >= 0 && n > prev + 1)
      html += '<li data-qa="number-pages-ellipsis" class="magritte-number-pages-ellipsis___GNIbV_4-1-7">...</li>';
    const cur = n === m.page;
    html += `<li><div class="${cls}"><a data-qa="pager-page" aria-current="${cur}" class="magritte-number-pages-action___e3ozw_4-1-7${cur ? ' magritte-number-pages-action-selected___N5Tl4_4-1-7' : ''}" href="${pageHref(m.params, n)}">${n + 1}</a></div></li>`;
    prev = n;
  }
  if (m.page < m.pages - 1) {
    html += `<li><div class="${cls}"><a data-qa="pager-next" aria-current="false" class="magritte-number-pages-action___e3ozw_4-1-7 magritte-number-pages-action-icon___lwXFB_4-1-7" href="${pageHref(m.params, m.page + 1)}" aria-label="дальше">→</a></div></li>`;
  }
  return `<nav data-qa="pager-block" class="magritte-number-pages-wrapper___lYp70_4-1-7"><ul class="magritte-number-pages-container___YIJLn_4-1-7">${html}</ul></nav>`;
}

/** A vacancy as `vacancySearchResult.vacancies[]` holds it (key names from hh-site.md §1.5). */
export function vacancyStateItem(v: Vacancy, origin: string, applied: boolean): Record<string, unknown> {
  const s = snippetOf(v);
  return {
    vacancyId: v.id,
    name: v.name,
    company: v.employer
      ? {
          id: v.employer.id,
          name: v.employer.name,
          visibleName: v.employer.name,
          '@trusted': fnv1a(`card:${v.id}`) % 3 !== 2,
          accreditedITEmployer: false,
          ...(negativeAttributesFor(v.employer.id)
            ? { employersNegativeAttribute: negativeAttributesFor(v.employer.id) }
            : {}),
        }
      : { id: null, name: 'Компания скрыта', visibleName: 'Компания скрыта' },
    compensation: v.salary
      ? {
          from: v.salary.from ?? undefined,
          to: v.salary.to ?? undefined,
          currencyCode: v.salary.currency,
          gross: v.salary.gross,
          mode: 'MONTH',
          frequency: v.salary.frequency ?? undefined,
        }
      : { noCompensation: {} },
    workExperience: v.experience,
    '@workSchedule': v.remote ? 'remote' : 'fullDay',
    workFormats: [{ workFormatsElement: v.workFormats }],
    employmentForm: v.employmentForm,
    area: { name: v.area },
    address: {
      displayName: v.address ?? v.area,
      rawAddress: v.address ?? v.area,
      metroStations: v.metro ? { metro: [{ '@stationName': v.metro }] } : undefined,
    },
    snippet: { req: s.req, resp: s.resp, skill: v.keySkills.join(', ') },
    publicationTime: { $: v.publishedAt },
    links: { desktop: `${origin}/vacancy/${v.id}` },
    online_users_count: v.watchers,
    userLabels: applied ? ['response'] : [],
    responseLetterRequired: v.kind.letterRequired,
    '@responseLetterRequired': v.kind.letterRequired,
    userTestPresent: v.kind.hasTest,
    autoResponse: { acceptAutoResponse: acceptsAutoResponse(v.id) },
    responsesCount: responsesFor(v.id),
    totalResponsesCount: responsesFor(v.id) + 3,
    professionalRoleIds: v.roles.length ? [{ professionalRoleId: v.roles.map(Number) }] : [],
    type: v.kind.external ? 'direct' : 'open',
    archived: v.kind.archived,
  };
}

/** Inline script: pager clicks load the next page's HTML and swap the results in place (pushState; the
 * InitialState template stays stale, as on the real site), and `[data-qa="fake-load-more"]` / `?otk_append=N`
 * append the next page's cards from `/shards/vacancy/search?…&otk_format=html`. */
const SCRIPT = `(function(){
var results=function(){return document.querySelector('[data-qa="vacancy-serp__results"]')};
var pager=function(){return document.querySelector('[data-qa="pager-block"]')};
var params=new URLSearchParams(location.search);
var nextPage=Number(params.get('page')||0)+1;
var loading=false;
function shardUrl(p){var q=new URLSearchParams(location.search);q.set('page',String(p));q.set('otk_format','html');q.delete('otk_append');return '/shards/vacancy/search?'+q.toString();}
function loadMore(){if(loading)return Promise.resolve(false);loading=true;return fetch(shardUrl(nextPage),{credentials:'include',headers:{'X-Requested-With':'XMLHttpRequest'}}).then(function(r){if(!r.ok)throw new Error('HTTP '+r.status);return r.text();}).then(function(html){loading=false;if(!html.trim()){var b=document.querySelector('[data-qa="fake-load-more"]');if(b)b.remove();return false;}var box=results();box.insertAdjacentHTML('beforeend',html);nextPage++;document.dispatchEvent(new CustomEvent('fake-hh:appended',{detail:{page:nextPage-1}}));return true;}).catch(function(e){loading=false;console.warn('fake-hh load more failed',e);return false;});}
window.__fakeHhLoadMore=loadMore;
document.addEventListener('click',function(e){var t=e.target;if(!(t instanceof Element))return;var more=t.closest('[data-qa="fake-load-more"]');if(more){e.preventDefault();loadMore();return;}
var a=t.closest('a[data-qa="pager-page"],a[data-qa="pager-next"]');if(!a||params.get('otk_spa')==='0'||e.button!==0||e.metaKey||e.ctrlKey)return;e.preventDefault();var href=a.getAttribute('href');
fetch(href,{credentials:'include'}).then(function(r){if(!r.ok)throw new Error('HTTP '+r.status);return r.text();}).then(function(html){var doc=new DOMParser().parseFromString(html,'text/html');var nr=doc.querySelector('[data-qa="vacancy-serp__results"]');if(!nr){location.href=href;return;}results().replaceWith(nr);var np=doc.querySelector('[data-qa="pager-block"]');var op=pager();if(op&&np)op.replaceWith(np);else if(op)op.remove();var h=doc.querySelector('h1');var oh=document.querySelector('h1');if(h&&oh)oh.replaceWith(h);history.pushState({fakeHh:true},'',href);params=new URLSearchParams(location.search);nextPage=Number(params.get('page')||0)+1;window.scrollTo(0,0);document.dispatchEvent(new CustomEvent('fake-hh:navigated',{detail:{href:href}}));}).catch(function(){location.href=href;});},true);
window.addEventListener('popstate',function(){location.reload();});
var deferred=document.getElementById('fake-hh-deferred');if(deferred){var render=function(){var box=results();if(box)box.insertAdjacentHTML('beforeend',deferred.textContent);deferred.remove();document.dispatchEvent(new CustomEvent('fake-hh:rendered'));};if(document.readyState==='complete')requestAnimationFrame(render);else window.addEventListener('load',function(){requestAnimationFrame(render);},{once:true});}
var auto=Number(params.get('otk_append')||0);if(auto>0){var n=0;var step=function(){if(n>=auto)return;n++;loadMore().then(function(ok){if(ok)setTimeout(step,300);});};setTimeout(step,300);}
})();`;

export function renderListing(ctx: PageContext, m: ListingModel, state: Record<string, unknown>): string {
  const heading = m.resumeTitle
    ? `Подходящие вакансии для резюме «${esc(m.resumeTitle)}»`
    : m.text
      ? `Вакансии «${esc(m.text)}»`
      : 'Вакансии';
  const found = `Найдено ${groupThousands(m.totalResults, '&nbsp;')} ${plural(m.totalResults, 'вакансия', 'вакансии', 'вакансий')}`;
  const ssr = Math.max(0, m.ssr ?? Infinity);
  const later = m.vacancies.slice(ssr);
  const list = m.vacancies.length
    ? renderCards(m.vacancies.slice(0, ssr), ctx.origin, m.showSnippets)
    : `<div data-qa="empty-vacancy-search-block" class="magritte-card___bhGKz_8-3-10"><div class="magritte-text___pbpft_4-5-2 magritte-text_typography-title-4-semibold___vUqki_4-5-2">По&nbsp;запросу «${esc(m.text || m.resumeTitle || '')}» ничего не&nbsp;найдено</div><p>Попробуйте другие ключевые слова или уберите фильтры.</p></div>`;
  const more =
    m.page < m.pages - 1
      ? '<button type="button" class="magritte-button___Pubhr_7-1-6 magritte-button_mode-secondary___xYz4-_7-1-6" data-qa="fake-load-more">Показать ещё (фейк: подгрузка карточек)</button>'
      : '';
  const body = `<h1 data-qa="bloko-header-1" class="bloko-header-section-3">${heading}</h1><div class="fake-hh-found" data-qa="vacancies-total-found">${found}</div><div class="fake-hh-columns"><div><main class="vacancy-serp-content"><div data-qa="vacancy-serp__results" id="a11y-main-content">${SP(24, 12)}${list}</div>${more}${renderPager(m)}</main></div><aside class="fake-hh-aside"><div data-qa="serp__novafilter-title">Фильтры: опыт, регион, формат работы — через параметры <code>experience</code>, <code>area</code>, <code>work_format</code>.</div></aside></div>`;
  // The rest of the list is rendered by the page's script after load (hh: React from the state), from inert HTML here.
  const tail = later.length
    ? `<script type="text/x-fake-hh-cards" id="fake-hh-deferred">${renderCards(later, ctx.origin, m.showSnippets)}</script>`
    : '';
  return layout(ctx, {
    title: `${heading.replace(/<[^>]+>/g, '')} — hh.ru`,
    body,
    state: { ...baseInitialState(ctx), ...state },
    searchText: m.text,
    script: SCRIPT,
    stateEncoding: m.stateEncoding ?? 'escaped',
    tail,
  });
}
