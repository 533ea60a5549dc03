import { compileProfile, DEFAULT_THRESHOLDS, type Matcher } from '../match';
import type { Profile } from '../match/profile';
import type { RoleModel } from '../match/role-model';
import type { ListingSettings } from '../settings/listing-schema';

/** Nothing to judge against: no titles, skills, resume or filters. Triage then stays out of the way. */
export function isProfileEmpty(p: Profile): boolean {
  return (
    !p.desiredTitles.length &&
    !p.skills.length &&
    !p.resumeText.trim() &&
    !p.excludeWords.length &&
    p.minSalary === null &&
    !p.workFormats.length &&
    !p.cities.length &&
    !p.employerBlacklist.length &&
    !p.professionalRoles.length &&
    !p.driverLicences.length &&
    !p.languages.length &&
    !p.hideEmployerWarnings?.length
  );
}

/**
 * A scorer for these settings, or null when there is nothing to score against (empty profile). `roles`: the role
 * model, passed by the worker (lib/core/match/roles.ts); the vacancy-page bundle scores without it.
 */
export function makeScorer(settings: Pick<ListingSettings, 'profile' | 'triage'>, roles?: RoleModel) {
  if (isProfileEmpty(settings.profile)) return null;
  const matcher: Matcher = compileProfile(settings.profile, { roles });
  const { hideBelow, dimBelow } = settings.triage;
  const thresholds =
    hideBelow !== null || dimBelow !== null
      ? { hide: hideBelow ?? DEFAULT_THRESHOLDS.hide, dim: dimBelow ?? DEFAULT_THRESHOLDS.dim }
      : undefined;
  return (v: Parameters<Matcher['score']>[0]) => matcher.score(v, thresholds);
}
