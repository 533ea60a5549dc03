import { isHhSearchUrl, searchUrl } from '../../core/hh/urls';
import type { Settings } from '../../core/settings/schema';

/**
 * The lists one discovery round walks, in order: hh's "similar to my resume" list, then the profile's query,
 * then the saved searches (hh-site.md §2.5 for the resume URL, §1.1 for search parameters).
 */
export interface Source {
  /** Stable key: 'similar', 'query', or 'search:<name>'. */
  key: string;
  /** Shown to the user (popup, summary). */
  label: string;
  /** The search URL of page `page` (0-based, as hh counts). */
  url(page: number): string;
}

function build(params: URLSearchParams, page: number): string {
  const p = new URLSearchParams(params);
  if (page > 0) p.set('page', String(page));
  else p.delete('page');
  return searchUrl(p);
}

/** Saved search text → its parameters: a full hh search URL or only a query string; null when neither. */
export function savedSearchParams(query: string): URLSearchParams | null {
  const q = query.trim();
  let params: URLSearchParams;
  if (/^https?:\/\//i.test(q)) {
    let u: URL;
    try {
      u = new URL(q);
    } catch {
      return null;
    }
    if (!isHhSearchUrl(u)) return null;
    params = u.searchParams;
  } else
    params = new URLSearchParams(
      q.replace(/^\?/, '').includes('=') ? q.replace(/^\?/, '') : `text=${encodeURIComponent(q)}`,
    );
  for (const k of ['page', 'hhtmFrom', 'hhtmFromLabel', 'search_session_id', 'disableBrowserCache']) params.delete(k);
  return params;
}

/**
 * Sources for these settings. `resumeHash` is the resume whose similar list to walk (the caller resolves the
 * default); null leaves that source out.
 */
export function discoverySources(settings: Settings, resumeHash: string | null): Source[] {
  const d = settings.discovery;
  const out: Source[] = [];
  if (d.similar && resumeHash) {
    const p = new URLSearchParams({ resume: resumeHash, from: 'resumelist', items_on_page: '50' });
    out.push({ key: 'similar', label: 'similar', url: (page) => build(p, page) });
  }
  const profile = settings.profile;
  if (d.profileQuery && profile.query.trim()) {
    // Newest first: a round can stop at the first page with nothing new.
    const p = new URLSearchParams({ text: profile.query.trim(), order_by: 'publication_time', items_on_page: '50' });
    for (const f of profile.workFormats) p.append('work_format', f);
    if (profile.experience) p.set('experience', profile.experience);
    if (profile.minSalary !== null) p.set('salary', String(profile.minSalary));
    out.push({ key: 'query', label: 'query', url: (page) => build(p, page) });
  }
  for (const s of d.searches) {
    if (!s.enabled) continue;
    const p = savedSearchParams(s.query);
    if (!p) continue;
    if (!p.has('order_by')) p.set('order_by', 'publication_time');
    if (!p.has('items_on_page')) p.set('items_on_page', '50');
    out.push({ key: `search:${s.name}`, label: s.name, url: (page) => build(p, page) });
  }
  return out;
}
