import { useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { sendToBackground } from '../../core/messaging';
import type { resumeProfileSchema } from '../../core/messaging/protocol';
import type * as z from 'zod/mini';
import type { OptionsTexts } from './texts';

export type ImportedResume = z.infer<typeof resumeProfileSchema>;

/**
 * "Fill in from an hh.ru resume": pick one of the user's resumes, the worker reads it, the form fields are
 * replaced (not saved: the user checks and presses Save).
 */
export function ResumeImport({
  resumes,
  t,
  onImported,
}: {
  resumes: { hash: string; title: string; latest?: boolean | undefined }[];
  t: OptionsTexts;
  onImported: (r: ImportedResume) => void;
}) {
  const ui = useMemo(
    () => ({ hash: signal(''), busy: signal(false), msg: signal<{ kind: 'ok' | 'error'; text: string } | null>(null) }),
    [],
  );
  const hash = ui.hash.value || resumes.find((r) => r.latest)?.hash || resumes[0]?.hash || '';
  const run = async () => {
    ui.busy.value = true;
    ui.msg.value = { kind: 'ok', text: t.importing };
    try {
      const r = await sendToBackground('importResume', { hash });
      if (!r.ok || !r.profile) throw new Error(r.error ?? 'no answer');
      onImported(r.profile);
      ui.msg.value = r.textFound
        ? { kind: 'ok', text: t.imported(r.profile.title) }
        : { kind: 'error', text: t.importedNoText(r.profile.title) };
    } catch (e) {
      ui.msg.value = { kind: 'error', text: t.importFailed(e instanceof Error ? e.message : String(e)) };
    } finally {
      ui.busy.value = false;
    }
  };
  if (!resumes.length) return null;
  return (
    <div class="op-import" data-testid="resume-import">
      <label class="op-import__pick">
        <span>{t.importFrom}</span>
        <select name="importResume" value={hash} onChange={(e) => (ui.hash.value = e.currentTarget.value)}>
          {resumes.map((r) => (
            <option key={r.hash} value={r.hash}>
              {r.title}
              {r.latest ? t.latest : ''}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        class="otk-btn"
        data-testid="import-resume"
        disabled={ui.busy.value || !hash}
        onClick={() => void run()}
      >
        {t.importButton}
      </button>
      <small class={ui.msg.value?.kind === 'error' ? 'otk-error' : 'otk-muted'} role="status">
        {ui.msg.value?.text ?? t.importHint}
      </small>
    </div>
  );
}
