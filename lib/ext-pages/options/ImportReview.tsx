import { useEffect, useRef } from 'preact/hooks';
import type { SettingsChange } from '../settings/diff';
import { uiLang } from '../../core/i18n/lang';
import { settingsTexts } from './settings-texts';
import { readableValue, showPath, showValue } from './show-value';

export interface ImportReviewProps {
  fileName: string;
  changes: readonly SettingsChange[];
  /** The provider's origin changes: the stored API key will be dropped (said before the user applies). */
  dropsKey?: boolean;
  onApply: () => void;
  onCancel: () => void;
}

/**
 * What an imported settings file would change (field, now → after), risky changes marked and listed first;
 * nothing is written until the user presses Apply (the page does the write), Cancel changes nothing.
 */
export function ImportReview({ fileName, changes, dropsKey = false, onApply, onCancel }: ImportReviewProps) {
  const lang = uiLang();
  const t = settingsTexts[lang];
  const head = useRef<HTMLHeadingElement>(null);
  // Take the keyboard and the screen reader to the review as it opens.
  useEffect(() => head.current?.focus(), [fileName]);
  const risky = changes.filter((c) => c.risk);
  const rows = [...risky, ...changes.filter((c) => !c.risk)];
  return (
    <div class="op-review" role="region" aria-labelledby="import-review-title" data-testid="import-review">
      <h3 id="import-review-title" tabIndex={-1} ref={head}>
        {t.reviewTitle(fileName)}
      </h3>
      <p data-testid="import-review-summary">
        {changes.length ? t.reviewCount(changes.length, risky.length) : t.reviewNone}
      </p>
      {risky.length ? <p class="otk-muted">{t.riskyHint}</p> : null}
      {dropsKey ? (
        <p class="op-review__warn" data-testid="import-review-key">
          {t.keyDropped}
        </p>
      ) : null}
      {rows.length ? (
        <table class="op-review__table">
          <thead>
            <tr>
              <th scope="col">{t.field}</th>
              <th scope="col">{t.now}</th>
              <th scope="col">{t.after}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.path} data-path={c.path} data-risk={c.risk ?? ''} class={c.risk ? 'op-review__risky' : ''}>
                <th scope="row">
                  {showPath(c.path, t)}
                  {c.risk ? (
                    <span class="op-review__badge" title={t.riskyHint}>
                      {t.risky}
                    </span>
                  ) : null}
                </th>
                <td>
                  <code>{showValue(readableValue(c.path, c.before, lang), t)}</code>
                </td>
                <td>
                  <code>{showValue(readableValue(c.path, c.after, lang), t)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div class="otk-row">
        {changes.length ? (
          <button type="button" class="otk-btn otk-btn--primary" data-testid="import-apply" onClick={onApply}>
            {t.apply}
          </button>
        ) : null}
        <button type="button" class="otk-btn" data-testid="import-cancel" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </div>
  );
}
