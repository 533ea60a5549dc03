import type { SettingsFallback } from '../../core/settings/read';
import { uiLang } from '../../core/i18n/lang';
import { settingsTexts } from './settings-texts';
import { showPath, showValue } from './show-value';

export interface FallbackNoticeProps {
  fallbacks: readonly SettingsFallback[];
  /** The stored settings carry a newer version mark (a rollback). */
  newerVersion?: number | undefined;
  /** The user accepts the defaults shown (writes them); absent = no button. */
  onAccept?: () => void;
}

/**
 * Names the stored fields that failed their schema and read as defaults (lib/core/settings/read.ts). Nothing is
 * rewritten until the user changes those fields or accepts the defaults here.
 */
export function FallbackNotice({ fallbacks, newerVersion, onAccept }: FallbackNoticeProps) {
  const t = settingsTexts[uiLang()];
  if (!fallbacks.length && newerVersion === undefined) return null;
  return (
    <section class="op__sec op-notice" role="alert" data-testid="settings-fallbacks">
      <h2>{fallbacks.length ? t.fallbackTitle : t.newerVersion(newerVersion!)}</h2>
      {fallbacks.length && newerVersion !== undefined ? <p class="otk-muted">{t.newerVersion(newerVersion)}</p> : null}
      {fallbacks.length ? (
        <>
          <p class="otk-muted">{t.fallbackText}</p>
          <ul>
            {fallbacks.map((f) => (
              <li key={f.path} data-path={f.path}>
                <b>{showPath(f.path, t)}</b>: {f.message}{' '}
                <span class="otk-muted">
                  ({t.stored}: <code>{showValue(f.stored, t)}</code>)
                </span>
              </li>
            ))}
          </ul>
          {onAccept ? (
            <button type="button" class="otk-btn otk-btn--sm" data-testid="accept-fallbacks" onClick={onAccept}>
              {t.acceptDefaults}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
