import { HH_ORIGIN, HH_PATHS } from './urls';
import { decodeEntities, hhStateSchema, parseMaybeEscapedJson, stateResumes } from './initial-state';

/**
 * The user's resumes (hash + title) from `GET https://hh.ru/applicant/resumes` (hh-site.md §1.4, §2.4).
 *
 * Runs in the background service worker, which has no DOMParser: the page is read as text. First choice is
 * the `applicantResumes` array of the embedded HH-Lux-InitialState (via lib/core/hh/initial-state's
 * `stateResumes`); the fallback is the resume cards: `a[data-qa="resume-card-link-<hash>"]` followed by its
 * `[data-qa="resume-title"]` (fixture applicant/hh_resumes_list_block_2026-03.html, AXI 2026-08).
 */
export interface Resume {
  hash: string;
  title: string;
  /** hh's most recently updated resume (`latestResumeHash`), when the page says. */
  latest?: boolean;
}

export const RESUMES_PATH = HH_PATHS.resumes;

const TEMPLATE = /<template[^>]*\bid="HH-Lux-InitialState"[^>]*>([\s\S]*?)<\/template>/i;
const CARD_LINK = /data-qa="resume-card-link-([0-9a-f]{20,64})"/gi;
/** From the title marker: skip the rest of its tag and any tags that follow, take the first text node. */
const FIRST_TEXT = /^[^>]*>(?:\s*<[^>]+>)*\s*([^<]+)/;

/** Text content of an HTML fragment (tags dropped, entities decoded, whitespace collapsed). */
function textOf(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function fromState(html: string): Resume[] {
  const m = TEMPLATE.exec(html);
  if (!m?.[1]) return [];
  const parsed = hhStateSchema.safeParse(parseMaybeEscapedJson(m[1]));
  if (!parsed.success) return [];
  return stateResumes(parsed.data).map((r) =>
    r.latest ? { hash: r.hash, title: r.title, latest: true } : { hash: r.hash, title: r.title },
  );
}

function fromCards(html: string): Resume[] {
  const out: Resume[] = [];
  const seen = new Set<string>();
  const links = [...html.matchAll(CARD_LINK)];
  links.forEach((link, i) => {
    const hash = link[1]!.toLowerCase();
    if (seen.has(hash)) return;
    seen.add(hash);
    // The card's title lies between this link and the next card's link.
    const end = links[i + 1]?.index ?? html.length;
    const slice = html.slice(link.index, end);
    const at = slice.indexOf('data-qa="resume-title"');
    const title = at >= 0 ? textOf(FIRST_TEXT.exec(slice.slice(at))?.[1] ?? '') : '';
    out.push({ hash, title });
  });
  return out;
}

/** Resumes of an /applicant/resumes page (state first, cards as fallback; titles filled from either). */
export function parseResumesPage(html: string): Resume[] {
  const state = fromState(html);
  const cards = fromCards(html);
  if (!state.length) return cards;
  const titleOf = new Map(cards.map((c) => [c.hash, c.title]));
  return state.map((r) => (r.title ? r : { ...r, title: titleOf.get(r.hash) ?? '' }));
}

/** The resume to use when the user chose none: hh's latest, else the first listed; undefined when there is none. */
export function pickDefaultResume(resumes: readonly Resume[]): Resume | undefined {
  return resumes.find((x) => x.latest) ?? resumes[0];
}

export type ResumesResult =
  | { ok: true; resumes: Resume[] }
  | { ok: false; error: 'logged_out' | 'captcha' | 'network' | 'unrecognised'; detail: string };

/** Fetches and parses the list with the user's session (background: `credentials: 'include'`). */
export async function fetchResumes(
  fetchFn: typeof fetch,
  origin = HH_ORIGIN,
  timeoutMs = 15_000,
): Promise<ResumesResult> {
  let res: Response;
  let html: string;
  try {
    res = await fetchFn(`${origin}${RESUMES_PATH}`, {
      credentials: 'include',
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
    html = await res.text();
  } catch (e) {
    return { ok: false, error: 'network', detail: e instanceof Error ? e.message : String(e) };
  }
  const path = (() => {
    try {
      return new URL(res.url).pathname;
    } catch {
      return '';
    }
  })();
  if (/\/account\/login/.test(path)) return { ok: false, error: 'logged_out', detail: 'hh.ru asks to log in' };
  if (/captcha/.test(path)) return { ok: false, error: 'captcha', detail: 'hh.ru asks for a captcha' };
  if (!res.ok) return { ok: false, error: 'network', detail: `HTTP ${res.status}` };
  const resumes = parseResumesPage(html);
  if (!resumes.length)
    return {
      ok: false,
      error: 'unrecognised',
      detail: 'no resumes found on the page (none yet, or the markup changed)',
    };
  return { ok: true, resumes };
}
