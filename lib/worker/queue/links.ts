import type { Job } from '../../core/db/schema';
import { hhHomeUrl } from '../../core/hh/urls';
import { canonicalVacancyUrl, externalApplyUrl, hhPageUrl } from '../../core/hh/vacancy-url';

/**
 * What the popup and the notifications open for a job: its link when it is an hh page (questionnaire) or, for a
 * "direct" vacancy, the employer's site hh named (http(s) only); else the vacancy's canonical hh URL, rebuilt
 * from its id — never a URL a page supplied, even in a record stored before URLs were checked.
 */
export function jobOpenUrl(
  job: Pick<Job, 'vacancyId' | 'link' | 'reason'> & { vacancy: Pick<Job['vacancy'], 'url'> },
): string {
  const link = job.reason === 'external' ? externalApplyUrl(job.link) : hhPageUrl(job.link);
  return link ?? canonicalVacancyUrl(job.vacancyId, job.vacancy.url) ?? hhHomeUrl();
}
