import { useMemo } from 'preact/hooks';
import { compileProfile, formatReason } from '../../lib/match';
import type { Profile } from '../../lib/match/profile';
import type { Lang } from '../../lib/i18n/lang';
import { SAMPLE_VACANCIES } from './samples';
import type { OptionsTexts } from './texts';

/**
 * Sample vacancies scored live with the profile being edited and the thresholds on the sliders: the user sees
 * what "hide below 30" means before saving. The scorer is the same pure function the content script runs.
 */
export function ThresholdPreview({ profile, hide, dim, action, t, lang }: { profile: Profile; hide: number; dim: number; action: 'hide' | 'dim'; t: OptionsTexts; lang: Lang }) {
  const scored = useMemo(() => {
    const m = compileProfile(profile);
    return SAMPLE_VACANCIES.map((v) => ({ v, r: m.score(v, { hide: hide / 100, dim: dim / 100 }) })).sort((a, b) => b.r.score - a.r.score);
  }, [profile, hide, dim]);
  return (
    <div class="op-preview" data-testid="threshold-preview">
      <div class="op-preview__head">
        <b>{t.preview}</b>
        <small class="otk-muted">{t.previewHint}</small>
      </div>
      <ul>
        {scored.map(({ v, r }) => {
          // "hide" with action dim is shown dimmed on hh.ru as well: preview what the page will do.
          const shown = r.verdict === 'hide' && action === 'dim' ? 'dim' : r.verdict;
          return (
            <li key={v.id} data-verdict={shown} title={r.reasons.slice(0, 3).map((x) => formatReason(x, lang)).join(' · ')}>
              <span class="op-preview__score">{Math.round(r.score * 100)}</span>
              <span class="op-preview__title">{v.title}</span>
              <span class="op-preview__verdict">{t.verdict[shown]}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
