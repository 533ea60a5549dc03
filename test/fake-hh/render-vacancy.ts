/**
 * The vacancy page (`/vacancy/:id`) in the magritte markup of the 2026-07/09 fragments (fixtures/hh/vacancy):
 * title, salary, key info, company, description, key skills, the response button (or the "already applied"
 * variant), JSON-LD, and InitialState `vacancyView` (classic or magritte-experiment shape) +
 * `applicantVacancyResponseStatuses`.
 */
import { descriptionHtml, type Vacancy } from './data.ts';
import { esc, EXPERIENCE_PAGE_LABEL, FREQUENCY_LABEL, jsonForHtml, pageSalaryHtml } from './format.ts';
import { fnv1a } from './hash.ts';
import { baseInitialState, layout, type PageContext } from './render-pages.ts';
import type { Application } from './state.ts';

const T = (typo: string) =>
  `magritte-text___pbpft_5-3-12 magritte-text_style-primary___AQ7MW_5-3-12 magritte-text_typography-${typo}`;
const WORK_FORMAT_TEXT: Record<string, string> = {
  REMOTE: 'удалённо',
  ON_SITE: 'на месте работодателя',
  HYBRID: 'гибрид',
  FIELD_WORK: 'разъездной',
};
const EMPLOYMENT_TEXT: Record<string, string> = {
  FULL: 'Полная занятость',
  PART: 'Частичная занятость',
  PROJECT: 'Проектная работа',
  FLY_IN_FLY_OUT: 'Вахта',
};

export type VacancyStateLayout = 'classic' | 'magritte' | 'mixed';

/** Which InitialState shape a vacancy page uses (hh A/B-tests two; 'mixed' picks by id). */
export function stateLayoutFor(v: Vacancy, pref: VacancyStateLayout): 'classic' | 'magritte' {
  if (pref !== 'mixed') return pref;
  return fnv1a(`layout:${v.id}`) % 2 === 0 ? 'classic' : 'magritte';
}

function responseButtons(v: Vacancy, applied: Application | undefined, where: 'top' | 'bottom'): string {
  if (v.kind.archived) return '';
  const btn =
    'magritte-button___Pubhr_7-1-6 magritte-button_mode-primary___wU8PN_7-1-6 magritte-button_size-large___oPkIp_7-1-6 magritte-button_style-accent___TE21J_7-1-6';
  const sec =
    'magritte-button___Pubhr_7-1-6 magritte-button_mode-secondary___xYz4-_7-1-6 magritte-button_size-large___oPkIp_7-1-6';
  if (applied) {
    if (where === 'bottom') return '';
    return `<div class="fake-hh-response"><div data-qa="vacancy-response-success-standard-notification" class="magritte-text___pbpft_5-3-12">Вы откликнулись</div><a class="${sec}" data-qa="vacancy-response-link-view-topic" href="https://chatik.hh.ru/chat/${applied.topicId}?hhtmFrom=vacancy">Перейти в&nbsp;чат</a><a class="${sec}" data-qa="vacancy-response-link-top-again" href="/applicant/vacancy_response?vacancyId=${v.id}&amp;employerId=${v.employer?.id ?? 0}&amp;hhtmFrom=vacancy">Откликнуться повторно</a></div>`;
  }
  return `<div class="fake-hh-response"><a class="${btn}" data-qa="vacancy-response-link-${where}" href="/applicant/vacancy_response?vacancyId=${v.id}&amp;employerId=${v.employer?.id ?? 0}&amp;hhtmFrom=vacancy" role="button"><span class="magritte-button__label___zplmt_7-1-6">Откликнуться</span></a></div>`;
}

function classicView(v: Vacancy, desc: string): Record<string, unknown> {
  return {
    vacancyId: v.id,
    name: v.name,
    description: desc,
    keySkills: { keySkill: v.keySkills },
    compensation: v.salary
      ? { from: v.salary.from, to: v.salary.to, currencyCode: v.salary.currency, gross: v.salary.gross }
      : { noCompensation: true },
    company: v.employer ? { id: v.employer.id, name: v.employer.name, visibleName: v.employer.name } : null,
    area: { name: v.area },
    address: { displayName: v.address ?? v.area },
    workExperience: v.experience,
    workFormats: v.workFormats,
    employmentForm: v.employmentForm,
    responseLetterRequired: v.kind.letterRequired,
    status: { archived: v.kind.archived },
    type: v.kind.external ? 'direct' : 'open',
    responseUrl: v.responseUrl,
    publicationDate: v.publishedAt,
  };
}

function magritteView(v: Vacancy, desc: string): Record<string, unknown> {
  return {
    vacancyFull: {
      vacancy: {
        vacancyId: v.id,
        name: v.name,
        description: desc,
        status: { archived: v.kind.archived, disabled: false, approved: true },
        company: v.employer
          ? { id: v.employer.id, name: v.employer.name, visibleName: v.employer.name, trusted: true }
          : null,
        area: { name: v.area },
        compensation: v.salary
          ? {
              from: v.salary.from,
              to: v.salary.to,
              currencyCode: v.salary.currency,
              gross: v.salary.gross,
              mode: 'MONTH',
              frequency: v.salary.frequency,
            }
          : { noCompensation: true },
        closedForApplicants: false,
        publicationTimeIso: v.publishedAt,
        workExperience: v.experience,
        employmentForm: v.employmentForm,
        workFormats: v.workFormats,
        keySkills: v.keySkills,
        responseLetterRequired: v.kind.letterRequired,
        type: v.kind.external ? 'direct' : 'open',
        responseUrl: v.responseUrl,
      },
    },
  };
}

/**
 * hh's "you will probably be rejected" warning (`response-reject-warning`, hh-site.md §1.3, AXI): shown to a
 * logged-in applicant on ~1 in 10 open vacancies, chosen by a hash of the id (our choice: no capture says when).
 */
export function rejectWarningFor(id: number): boolean {
  return fnv1a(`reject:${id}`) % 10 === 0;
}

export function renderVacancy(
  ctx: PageContext,
  v: Vacancy,
  applied: Application | undefined,
  pref: VacancyStateLayout,
): string {
  const desc = descriptionHtml(v);
  const salary = v.salary
    ? `<span data-qa="vacancy-salary-compensation-type-${v.salary.gross ? 'gross' : 'net'}" class="${T('label-1-regular___pi3R-_5-3-12')}">${pageSalaryHtml(v.salary)}</span>`
    : `<span data-qa="vacancy-salary-compensation-type-not-specified" class="${T('label-1-regular___pi3R-_5-3-12')}">Уровень дохода не&nbsp;указан</span>`;
  const keyInfo = [
    v.salary?.frequency
      ? `<p data-qa="compensation-frequency-text" class="${T('label-3-regular___Nhtlp_5-3-12')}">${FREQUENCY_LABEL[v.salary.frequency]}</p>`
      : '',
    `<p data-qa="work-experience-text" class="${T('label-3-regular___Nhtlp_5-3-12')}">Опыт работы<!-- -->: <span data-qa="vacancy-experience">${EXPERIENCE_PAGE_LABEL[v.experience]}</span></p>`,
    `<div data-qa="common-employment-text" class="${T('label-3-regular___Nhtlp_5-3-12')}"><div class="dotted-wrapper--NnpfSdhCFc66RrIh"><span class="text--s_fa_FVx0IonXenX">${EMPLOYMENT_TEXT[v.employmentForm] ?? 'Полная занятость'}</span></div></div>`,
    `<p data-qa="work-formats-text" class="${T('label-3-regular___Nhtlp_5-3-12')}">Формат работы: <!-- -->${v.workFormats.map((f) => WORK_FORMAT_TEXT[f] ?? f).join(', ')}</p>`,
    v.remote ? '<div><span data-qa="vacancy-label-work-schedule-remote">Можно удалённо</span></div>' : '',
    `<div class="noprint"><p class="magritte-text___pbpft_5-3-12 magritte-text_style-secondary___1IU11_5-3-12">Сейчас эту вакансию <span>смотрят</span> <span>${v.watchers}<!-- --> <!-- -->человек</span></p></div>`,
  ].join('');
  const archived = v.kind.archived
    ? '<div class="fake-hh-alert" data-qa="vacancy-archived-alert" role="alert">Вакансия в&nbsp;архиве. Работодатель больше не&nbsp;принимает отклики.</div>'
    : '';
  const external =
    v.kind.external && !v.kind.archived
      ? `<div class="fake-hh-alert" data-qa="magritte-alert">Работодатель принимает отклики на&nbsp;своём сайте. <a data-qa="vacancy-response-link-advertising" href="${esc(v.responseUrl ?? '#')}" rel="nofollow">Перейти на&nbsp;сайт</a> <a href="#" data-qa="vacancy-response-link-advertising-cancel">Отмена</a></div>`
      : '';
  const reject =
    ctx.loggedIn && !applied && !v.kind.archived && rejectWarningFor(v.id)
      ? '<div class="fake-hh-alert" data-qa="response-reject-warning" role="status">Вероятнее всего, вы&nbsp;получите отказ: ваше резюме не&nbsp;подходит под требования работодателя</div>'
      : '';
  const company = v.employer
    ? `<div data-qa="vacancy-company__details" class="vacancy-company-details"><span class="vacancy-company-name"><a data-qa="vacancy-company-name" href="/employer/${v.employer.id}?hhtmFrom=vacancy"><span class="${T('title-5-semibold___Y-owC_5-3-12')}">${esc(v.employer.name)}</span></a></span><div data-qa="vacancy-address-with-map" class="${T('label-2-regular___ia7GB_5-3-12')}">${esc(v.address ?? v.area)}</div></div>`
    : `<div data-qa="vacancy-company__details" class="vacancy-company-details"><span class="vacancy-company-name">Компания скрыта</span><p data-qa="vacancy-view-location">${esc(v.area)}</p></div>`;
  const skills = v.keySkills.length
    ? `<div class="vacancy-skills"><h2 data-qa="bloko-header-2" class="bloko-header-section-2">Ключевые навыки</h2><ul class="vacancy-skill-list">${v.keySkills
        .map(
          (s) =>
            `<li data-qa="skills-element"><div class="magritte-tag___WdGxk_5-1-6 magritte-tag_style-neutral___cw1Bt_5-1-6 magritte-tag_size-medium___Splpy_5-1-6"><div class="magritte-tag__label___YHV-o_5-1-6">${esc(s)}</div></div></li>`,
        )
        .join('')}</ul></div>`
    : '';
  const jsonLd = {
    '@context': 'http://schema.org/',
    '@type': 'JobPosting',
    title: v.name,
    datePosted: v.publishedAt,
    hiringOrganization: { '@type': 'Organization', name: v.employer?.name ?? 'Компания скрыта' },
    jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: v.area } },
  };
  const body = `<div class="fake-hh-vacancy"><div><div class="vacancy-title"><h1 data-qa="vacancy-title" class="bloko-header-section-1">${esc(v.name)}</h1><div class="bloko-v-spacing bloko-v-spacing_base-4"></div><div data-qa="vacancy-salary">${salary}</div></div><div class="fake-hh-keyinfo magritte-v-spacing-container___mkW1c_2-1-27">${keyInfo}</div>${archived}${external}${reject}${responseButtons(v, applied, 'top')}<div class="g-user-content" data-qa="vacancy-description" itemprop="description">${desc}</div>${skills}${responseButtons(v, applied, 'bottom')}</div><aside>${company}</aside></div><script type="application/ld+json">${jsonForHtml(jsonLd)}</script>`;

  const layoutKind = stateLayoutFor(v, pref);
  const shortVacancy = {
    vacancyId: v.id,
    name: v.name,
    '@responseLetterRequired': v.kind.letterRequired,
    '@workSchedule': v.remote ? 'remote' : 'fullDay',
    company: v.employer ? { id: v.employer.id, name: v.employer.name } : null,
    publicationDate: v.publishedAt,
  };
  const state = {
    ...baseInitialState(ctx),
    experiments: {
      checked: [{ name: 'web_applicant_vacancy_magritte', group: layoutKind === 'magritte' ? 'test' : 'control' }],
    },
    vacancyView: layoutKind === 'magritte' ? magritteView(v, desc) : classicView(v, desc),
    applicantVacancyResponseStatuses: ctx.loggedIn
      ? {
          [v.id]: {
            alreadyApplied: applied !== undefined,
            shortVacancy,
            test: v.kind.hasTest ? { hasTests: true, required: true } : { hasTests: false },
            letterMaxLength: 10_000,
            letterRequired: v.kind.letterRequired,
            negotiations: applied
              ? { topicList: [{ id: Number(applied.topicId), chatId: Number(applied.chatId), vacancyId: v.id }] }
              : { topicList: [] },
          },
        }
      : {},
  };
  return layout(ctx, {
    title: `Вакансия ${v.name} в ${v.area}, работа в компании ${v.employer?.name ?? ''}`,
    body,
    state,
  });
}
