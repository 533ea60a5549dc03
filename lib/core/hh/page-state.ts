import * as z from 'zod/mini';
import {
  hhStateSchema,
  parseMaybeEscapedJson,
  stateMatchesUrl,
  stateVacancies,
  stateVacancyView,
  type HhState,
  type StateVacancy,
  type StateVacancyView,
} from './initial-state';
import type { UrlLike } from './page-detect';

/**
 * hh pages read from an HTML string, without a DOM: the background service worker has no DOMParser, so the
 * auto-discovery reads the `HH-Lux-InitialState` JSON that every full page load embeds (hh-site.md §1.5).
 * A page fetched by the worker is always a full load, so its state is the page's own (the SPA staleness of the
 * real SERP fixture, whose state is `/applicant/my_resumes`, is still checked: such a state is refused).
 */

/** `<template id="HH-Lux-InitialState" …>{json}</template>`; the id may come after other attributes. */
const TEMPLATE = /<template\b[^>]*\bid=["']?HH-Lux-InitialState["']?[^>]*>([\s\S]*?)<\/template>/i;

export function stateFromHtml(html: string): HhState | null {
  const m = TEMPLATE.exec(html);
  if (!m) return null;
  const json = parseMaybeEscapedJson(m[1] ?? '');
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const r = hhStateSchema.safeParse(json);
  return r.success ? r.data : null;
}

const pagingSchema = z.looseObject({
  vacancySearchResult: z.looseObject({
    paging: z.catch(
      z.optional(
        z.looseObject({
          page: z.catch(z.optional(z.int()), undefined),
          pages: z.catch(z.optional(z.int()), undefined),
        }),
      ),
      undefined,
    ),
    totalResults: z.catch(z.optional(z.number()), undefined),
  }),
});

export type SearchPageRead =
  | {
      kind: 'ok';
      vacancies: StateVacancy[];
      total: number | null;
      page: number | null;
      pages: number | null;
      userType: string | null;
    }
  /** The state is another page's (or has no search result): not a search page we can read. */
  | { kind: 'unreadable'; why: string }
  /** hh served the captcha page or asked to log in. */
  | { kind: 'captcha' }
  | { kind: 'login' };

/** Where a fetch ended up (after redirects) says captcha or login before any parsing. */
export function blockedByUrl(finalUrl: string): 'captcha' | 'login' | null {
  let path: string;
  try {
    path = new URL(finalUrl).pathname;
  } catch {
    return null;
  }
  if (path.startsWith('/account/captcha')) return 'captcha';
  if (path.startsWith('/account/login') || path.startsWith('/account/signup')) return 'login';
  return null;
}

/** Captcha pages carry the captcha picture or SmartCaptcha; hh's own data-qa (hh-site.md §1, fake-hh README). */
const CAPTCHA_MARK = /data-qa="account-captcha-(?:picture|input)"|smartcaptcha/i;

/**
 * A search results page (`/search/vacancy?…`, incl. `?resume=<hash>`): its vacancies and paging, or why it
 * could not be read. `url` is the page's final URL (redirects followed).
 */
export function readSearchPage(html: string, url: UrlLike): SearchPageRead {
  const href = typeof url === 'string' ? url : url.href;
  const blocked = blockedByUrl(href);
  if (blocked) return { kind: blocked };
  const state = stateFromHtml(html);
  if (!state)
    return CAPTCHA_MARK.test(html)
      ? { kind: 'captcha' }
      : { kind: 'unreadable', why: 'no HH-Lux-InitialState on the page' };
  if (stateMatchesUrl(state, url) === false)
    return { kind: 'unreadable', why: 'the page state belongs to another page' };
  if (!state.vacancySearchResult) return { kind: 'unreadable', why: 'no search result in the page state' };
  const p = pagingSchema.safeParse(state);
  const paging = p.success ? p.data.vacancySearchResult.paging : undefined;
  return {
    kind: 'ok',
    vacancies: stateVacancies(state),
    total: state.vacancySearchResult.totalResults ?? null,
    page: paging?.page ?? null,
    pages: paging?.pages ?? null,
    userType: state.userType ?? null,
  };
}

export type VacancyPageRead =
  | { kind: 'ok'; vacancy: StateVacancyView }
  | { kind: 'unreadable'; why: string }
  | { kind: 'captcha' }
  | { kind: 'login' }
  | { kind: 'gone' };

/** A vacancy page (`/vacancy/<id>`) through its state's `vacancyView` (both A/B shapes, see initial-state.ts). */
export function readVacancyPageHtml(html: string, url: UrlLike, status = 200): VacancyPageRead {
  const href = typeof url === 'string' ? url : url.href;
  const blocked = blockedByUrl(href);
  if (blocked) return { kind: blocked };
  if (status === 404 || status === 410) return { kind: 'gone' };
  const state = stateFromHtml(html);
  if (!state)
    return CAPTCHA_MARK.test(html)
      ? { kind: 'captcha' }
      : { kind: 'unreadable', why: 'no HH-Lux-InitialState on the page' };
  const v = stateVacancyView(state);
  return v ? { kind: 'ok', vacancy: v } : { kind: 'unreadable', why: 'no vacancy in the page state' };
}
