import { useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import type { Lang } from '../../core/i18n/lang';
import { originChanged } from '../../core/letters/provider-url';
import { diffSettings } from '../settings/diff';
import type { Settings } from '../../core/settings/schema';
import { replaceSettings } from '../../core/settings/store';
import { importSettings } from '../settings/transfer';
import { ImportReview } from './ImportReview';
import { importErrorText } from './import-error';
import { settingsTexts } from './settings-texts';
import type { OptionsTexts } from './texts';

export interface SettingsImportProps {
  /** The settings as stored now (what Apply would replace); the review follows them while open. */
  current: Settings;
  t: OptionsTexts;
  lang: Lang;
  /** The outcome for the page's status line (null clears it). */
  onMessage: (m: { kind: 'ok' | 'error'; text: string } | null) => void;
  /** Called with what was written after Apply. */
  onApplied: (s: Settings) => void;
  /** Writes the confirmed settings; injected in tests. */
  apply?: (s: Settings) => Promise<Settings>;
}

/**
 * Settings import: the file is parsed (zod, migrations: lib/ext-pages/settings/transfer), then what it would change is
 * shown (./ImportReview) and written only when the user presses Apply; Cancel changes nothing.
 */
export function SettingsImport({
  current,
  t,
  lang,
  onMessage,
  onApplied,
  apply = replaceSettings,
}: SettingsImportProps) {
  const pending = useMemo(
    () => signal<{ name: string; settings: Settings; migratedFrom?: number | undefined } | null>(null),
    [],
  );
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const r = importSettings(await file.text());
    if (!r.ok) {
      pending.value = null;
      onMessage({ kind: 'error', text: t.importFileFailed(importErrorText(r.error, lang)) });
      return;
    }
    onMessage(null);
    pending.value = { name: file.name, settings: r.settings, migratedFrom: r.migratedFrom };
  };
  const onApply = async () => {
    const p = pending.value;
    if (!p) return;
    try {
      const written = await apply(p.settings);
      pending.value = null;
      onApplied(written);
      onMessage({ kind: 'ok', text: p.migratedFrom ? t.importedOld(p.migratedFrom) : t.importedFile });
    } catch (err) {
      onMessage({ kind: 'error', text: t.importFileFailed(err instanceof Error ? err.message : String(err)) });
    }
  };
  const onCancel = () => {
    pending.value = null;
    onMessage({ kind: 'ok', text: settingsTexts[lang].cancelled });
  };
  const p = pending.value;
  return (
    <>
      <label
        class="otk-btn"
        tabIndex={0}
        onKeyDown={(ev) =>
          (ev.key === 'Enter' || ev.key === ' ') &&
          (ev.currentTarget.querySelector('input') as HTMLInputElement).click()
        }
      >
        {t.import}
        {/* Cleared after each pick, so picking the same file again (after a cancel) is seen. */}
        <input
          type="file"
          accept="application/json,.json"
          data-testid="import-file"
          style="display:none"
          onChange={(ev) => {
            const input = ev.currentTarget;
            void onFile(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </label>
      {p ? (
        <ImportReview
          fileName={p.name}
          changes={diffSettings(current, p.settings)}
          dropsKey={originChanged([current.letters.openai.baseUrl], p.settings.letters.openai.baseUrl)}
          onApply={() => void onApply()}
          onCancel={onCancel}
        />
      ) : null}
    </>
  );
}
