import { fetchResumeProfile } from '../../core/hh/resume-profile';
import type { profileMessages } from '../../core/messaging/protocol';
import type { Handlers } from '../../core/messaging/router';

/** What the handlers need; injected so they can be tested without a worker. */
export interface ProfileMessageDeps {
  fetch: typeof fetch;
  origin?: string;
}

const WHY: Record<string, string> = {
  logged_out: 'you are logged out of hh.ru: log in there and try again',
  captcha: 'hh.ru asks for a captcha: open hh.ru, solve it and try again',
  not_found: 'hh.ru did not show this resume: is it still yours?',
  network: 'hh.ru did not answer',
};

/** Options page → background: read one of the user's resumes for the profile form (nothing is saved here). */
export function createProfileHandlers(deps: ProfileMessageDeps): Handlers<typeof profileMessages> {
  return {
    importResume: async ({ hash }) => {
      const r = await fetchResumeProfile(deps.fetch, hash, deps.origin);
      if (!r.ok) return { ok: false, error: `${WHY[r.error] ?? r.error} (${r.detail})` };
      return { ok: true, profile: r.profile, textFound: r.textFound };
    },
  };
}
