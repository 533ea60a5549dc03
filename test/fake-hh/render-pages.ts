/** Page shell (header, stylesheet, `HH-Lux-InitialState`) and the small pages: resumes, login, captcha (the responses page is in negotiations.ts). */
import { esc, jsonForHtml, groupThousands } from './format.ts';
import { ACCOUNT, RESUMES, type FakeResume } from './state.ts';
import { STYLE } from './style.ts';

export interface PageContext {
  /** `https://<host>` the request came to (regional hosts keep their own origin in links). */
  origin: string;
  pathname: string;
  search: string;
  loggedIn: boolean;
  xsrf: string;
  now: number;
}

function resumeState(r: FakeResume): Record<string, unknown> {
  return {
    forbidden: null,
    _attributes: {
      hash: r.hash,
      id: r.id,
      status: 'modified',
      isSearchable: true,
      hasPublicVisibility: false,
      lang: 'RU',
      percent: 0,
      permission: 'edit',
      user: ACCOUNT.userId,
      hhid: ACCOUNT.hhid,
    },
    title: [{ string: r.title }],
    keySkills: r.keySkills.map((s) => ({ string: s })),
    salary: [{ amount: r.salary, currency: 'RUR' }],
    totalExperience: [{ string: 62 }],
    area: [{ string: 1, title: r.area }],
    professionalRole: r.professionalRoles.map((id) => ({ string: Number(id) })),
  };
}

/** The part of `HH-Lux-InitialState` every page carries (logged-in: resumes, account; always: xsrf, router). */
export function baseInitialState(ctx: PageContext): Record<string, unknown> {
  const query = Object.fromEntries(new URLSearchParams(ctx.search));
  const base: Record<string, unknown> = {
    topLevelSite: 'hh.ru',
    topLevelDomain: 'hh.ru',
    isUseMagritteLayout: true,
    userType: ctx.loggedIn ? 'applicant' : 'anonymous',
    xsrfToken: ctx.xsrf,
    session: {},
    features: {},
    experiments: { checked: [] },
    request: { host: ctx.origin.replace(/^https:\/\//, '') },
    router: { location: { pathname: ctx.pathname, search: ctx.search, hash: '', key: 'fakehh', query }, action: 'POP' },
  };
  if (ctx.loggedIn) {
    base.account = {
      firstName: ACCOUNT.firstName,
      lastName: ACCOUNT.lastName,
      middleName: ACCOUNT.middleName,
      userId: ACCOUNT.userId,
    };
    base.hhid = ACCOUNT.hhid;
    base.applicantResumes = RESUMES.map(resumeState);
    base.latestResumeHash = RESUMES[0]?.hash ?? null;
    base.applicantSuitableVacancyByResume = Object.fromEntries(RESUMES.map((r, i) => [r.hash, 1200 - i * 400]));
  } else {
    base.applicantResumes = [];
    base.latestResumeHash = null;
  }
  return base;
}

const LOGO = '<a class="fake-hh-logo" href="/" aria-label="hh.ru">hh</a>';

function header(ctx: PageContext, text = ''): string {
  const user = ctx.loggedIn
    ? `<a data-qa="mainmenu_myResumes" href="/applicant/resumes">Мои резюме</a><a data-qa="mainmenu_applicantNegotiations" href="/applicant/negotiations">Отклики</a><span class="fake-hh-user" data-qa="mainmenu_applicantProfile">${esc(ACCOUNT.firstName)} ${esc(ACCOUNT.lastName)}</span>`
    : `<a data-qa="login" href="/account/login">Войти</a>`;
  return `<header class="fake-hh-header">${LOGO}<form class="fake-hh-search" action="/search/vacancy" method="get" data-qa="search-form"><input type="text" name="text" data-qa="search-input" value="${esc(text)}" placeholder="Профессия, должность или компания"><button type="submit" data-qa="search-button">Найти</button></form><nav>${user}</nav></header>`;
}

export interface LayoutOptions {
  title: string;
  body: string;
  state: Record<string, unknown>;
  searchText?: string;
  script?: string;
  /**
   * How the state sits in its template: `plain` JSON (as a page saved from the browser has it; default),
   * `escaped` (every `"` as `&#34;`: hh's raw server answer, KHR 2026-09), or `none` (no template).
   */
  stateEncoding?: 'plain' | 'escaped' | 'none';
  /** Inert HTML after the template (e.g. the cards the page's script renders after load). */
  tail?: string;
}

/** The state JSON as hh's server writes it into the template: HTML-escaped, `"` as `&#34;`. */
export function escapedStateJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&#34;');
}

export function layout(ctx: PageContext, o: LayoutOptions): string {
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(o.title)}</title><style>${STYLE}</style></head><body class="magritte-redesign"><div id="HH-React-Root">${header(ctx, o.searchText)}<div class="fake-hh-page">${o.body}</div><div class="fake-hh-footer">Otklik fake hh.ru — учебная копия для тестов, не настоящий сайт</div></div>${stateTemplate(o)}${o.tail ?? ''}${o.script ? `<script>${o.script}</script>` : ''}</body></html>`;
}

function stateTemplate(o: LayoutOptions): string {
  if (o.stateEncoding === 'none') return '';
  if (o.stateEncoding === 'escaped')
    return `<template style="display:none" id="HH-Lux-InitialState">${escapedStateJson(o.state)}</template>`;
  return `<template id="HH-Lux-InitialState">${jsonForHtml(o.state)}</template>`;
}

// ---------- /applicant/resumes ----------

function resumeCard(r: FakeResume): string {
  return `<div class="magritte-card___bhGKz_8-3-8 magritte-card-style-primary___eZ6aX_8-3-8 magritte-card-shadow-level-0___RNbQK_8-3-8 magritte-card-stretched___0Uc0J_8-3-8 magritte-border-default___eT8Lg_8-3-8" data-qa="resume" data-qa-id="${r.hash}" style="padding: 16px; border-radius: 24px; margin-bottom: 16px;"><a data-qa="resume-card-link-${r.hash}" tabindex="0" role="button" class="magritte-card___bhGKz_8-3-8 magritte-card-style-primary___eZ6aX_8-3-8 magritte-card-shadow-level-0___RNbQK_8-3-8 magritte-card-stretched___0Uc0J_8-3-8 magritte-card-press-enabled___kXfCl_8-3-8 magritte-card-hover-enabled___-wolU_8-3-8" href="/resume/${r.hash}?hhtmFrom=resume_list" style="padding: 0px; border: 0; border-radius: 0px;"><div data-qa="title-header" class="magritte-text___pbpft_4-5-1 magritte-text_style-secondary___1IU11_4-5-1 magritte-text_typography-label-3-regular___Nhtlp_4-5-1">Постоянная работа</div><div class="magritte-v-spacing___R3QYf_2-1-10" style="--magritte-spacing-m: 4px;"></div><div class="magritte-wrapper___w1uG5_7-2-5" data-qa="resume-title"><div class="magritte-text___pbpft_4-5-1 magritte-text_style-primary___AQ7MW_4-5-1 magritte-text_typography-subtitle-1-semibold___6uZ9I_4-5-1"><div class="magritte-content___iOGmF_7-2-5"><span data-qa="cell-text-content">${esc(r.title)}</span></div></div></div><div class="magritte-wrapper___w1uG5_7-2-5" data-qa="title-description"><div class="magritte-text___pbpft_4-5-1 magritte-text_style-primary___AQ7MW_4-5-1 magritte-text_typography-label-3-regular___Nhtlp_4-5-1"><div class="magritte-content___iOGmF_7-2-5"><span data-qa="cell-text-content">${groupThousands(r.salary, '&thinsp;')}&nbsp;₽ · ${esc(r.area)}</span></div></div></div></a><div class="magritte-v-spacing___R3QYf_2-1-10" style="--magritte-spacing-m: 12px;"></div><div class="magritte-h-spacing-container___rrYJZ_2-1-10" style="--magritte-spacing-m: 12px;"><a data-qa="count-new-views" href="/applicant/resumeview/history?resumeHash=${r.hash}&amp;hhtmFrom=resume_list">Просмотры</a><div class="magritte-wrapper___w1uG5_7-2-5" data-qa="resume-update-button"><span data-qa="cell-text-content">Автоподнятие</span></div><a data-qa="resume-recommendations__button_respond" href="/search/vacancy?resume=${r.hash}&amp;from=resumelist">Подходящие вакансии</a></div></div>`;
}

export function renderResumes(ctx: PageContext): string {
  const body = `<h1 data-qa="title">Мои резюме</h1><div class="magritte-v-spacing___R3QYf_2-1-10" style="--magritte-spacing-m: 16px;"></div>${RESUMES.map(resumeCard).join('')}`;
  return layout(ctx, { title: 'Мои резюме', body, state: baseInitialState(ctx) });
}

// ---------- /resume/<hash> ----------

/**
 * The user's own resume page. NOT from a capture (no saved resume page exists in ../shared): the bloko-era
 * data-qa that several independent scrapers read (resume-block-title-position, resume-block-skills-content,
 * resume-block-experience-position/-description, bloko-tag__text), as lib/core/hh/resume-profile.ts documents.
 */
export function renderResumePage(ctx: PageContext, r: FakeResume): string {
  const jobs = r.jobs
    .map(
      (j) =>
        `<div class="resume-block-item-gap"><div class="bloko-text_strong">${esc(j.company)}</div><div data-qa="resume-block-experience-position" class="bloko-text_strong">${esc(j.position)}</div><div data-qa="resume-block-experience-description">${j.description.split('\n').map(esc).join('<br>')}</div></div>`,
    )
    .join('');
  const skills = r.keySkills
    .map((s) => `<div class="bloko-tag bloko-tag_inline"><span data-qa="bloko-tag__text">${esc(s)}</span></div>`)
    .join('');
  const body = `<div data-qa="resume-personal-name">${esc(ACCOUNT.firstName)} ${esc(ACCOUNT.lastName)}</div><h2 data-qa="resume-block-title-position"><span>${esc(r.title)}</span></h2><div data-qa="resume-block-experience"><h2>Опыт работы</h2>${jobs}</div><div data-qa="skills-table"><h2>Навыки</h2>${skills}</div><div data-qa="resume-block-skills-content" class="resume-block-container">${esc(r.about)}</div>${r.licences ? `<div data-qa="resume-block-driver-experience" class="resume-block"><h2>Опыт вождения</h2><div class="resume-block-item-gap">Права категории<!-- -->&nbsp;<!-- -->${esc(r.licences)}</div></div>` : ''}<div data-qa="resume-block-languages"><h2>Знание языков</h2>${r.languages.map((l) => `<p data-qa="resume-block-language-item">${esc(l)}</p>`).join('')}</div>`;
  return layout(ctx, { title: r.title, body, state: baseInitialState(ctx) });
}

// ---------- /account/login, /account/captcha ----------

export function renderLogin(ctx: PageContext, backurl: string): string {
  const body = `<h1 data-qa="title">Вход в личный кабинет</h1><form class="fake-hh-form" data-qa="account-login-form" method="post" action="/account/login"><input type="hidden" name="_xsrf" value="${esc(ctx.xsrf)}"><input type="hidden" name="backurl" value="${esc(backurl)}"><input type="text" name="login" data-qa="login-input-username" placeholder="Электронная почта или телефон"><button type="submit" class="magritte-button___Pubhr_7-1-6" data-qa="account-login-submit">Войти</button></form><p class="fake-hh-alert">Это учебная копия hh.ru: войти здесь нельзя. Тест включает вход через <code>behave({loggedOut:false})</code>.</p>`;
  return layout(
    { ...ctx, loggedIn: false },
    { title: 'Вход в личный кабинет', body, state: baseInitialState({ ...ctx, loggedIn: false }) },
  );
}

export function renderCaptcha(ctx: PageContext, backurl: string): string {
  const body = `<h1 data-qa="title">Подтвердите, что вы не робот</h1><form class="fake-hh-form" data-qa="account-captcha-form" method="post" action="/account/captcha"><input type="hidden" name="_xsrf" value="${esc(ctx.xsrf)}"><input type="hidden" name="backurl" value="${esc(backurl)}"><div class="fake-hh-captcha-img" data-qa="account-captcha-picture" role="img" aria-label="captcha">x7kq2</div><input type="text" name="captchaText" data-qa="account-captcha-input" placeholder="Введите символы с картинки"><button type="submit" class="magritte-button___Pubhr_7-1-6" data-qa="account-captcha-submit">Отправить</button></form>`;
  const state = { ...baseInitialState(ctx), hhcaptcha: { isBot: true, captchaState: 'fake' }, errorCode: 'captcha' };
  return layout(ctx, { title: 'Подтвердите, что вы не робот', body, state });
}

export function renderNotFound(ctx: PageContext): string {
  return layout(ctx, {
    title: 'Страница не найдена',
    body: '<h1 data-qa="title">Такой страницы нет</h1><p data-qa="error-404">Ошибка 404</p>',
    state: { ...baseInitialState(ctx), errorCode: 404 },
  });
}

export function renderError5xx(status: number): string {
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>${status}</title></head><body><h1>${status}</h1><p>Что-то пошло не так. Попробуйте обновить страницу.</p><hr><small>ddos-guard</small></body></html>`;
}
