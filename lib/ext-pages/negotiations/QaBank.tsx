import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { uiLang } from '../../core/i18n/lang';
import { QA_KINDS, qaSchema, type QaItem, type QaKind, type QaSettings } from '../../core/negotiations/settings';
import { describeZodError } from '../../core/settings/schema';
import { getSettings, updateSettings } from '../../core/settings/store';
import { negotiationTexts } from './texts';
import './negotiations.css';
import { useAutosave } from '../options/autosave';

/** Options section: the Q&A bank (answers the user writes once), questionnaires answered from it on/off, reply drafts on/off, sync period. Saved on "Save". */
export function QaBank() {
  const t = negotiationTexts[uiLang()];
  const st = useMemo(
    () => ({ qa: signal<QaSettings | null>(null), msg: signal<{ ok: boolean; text: string } | null>(null) }),
    [],
  );
  useEffect(() => {
    void getSettings().then((s) => (st.qa.value = s.qa));
  }, []);
  // Saved as the user goes (the options page's one save model); empty rows stay on screen until filled.
  useAutosave(st.qa.value, () => save());
  const qa = st.qa.value;
  if (!qa) return null;
  const setItems = (items: QaItem[]) => (st.qa.value = { ...qa, items });
  const patch = (i: number, p: Partial<QaItem>) => setItems(qa.items.map((it, k) => (k === i ? { ...it, ...p } : it)));
  const save = async () => {
    const r = qaSchema.safeParse({ ...qa, items: qa.items.filter((it) => it.answer.trim() || it.pattern.trim()) });
    if (!r.success) {
      st.msg.value = { ok: false, text: describeZodError(r.error) };
      return;
    }
    await updateSettings((s) => ({ ...s, qa: r.data }));
    st.msg.value = { ok: true, text: t.saved };
  };
  return (
    <section class="op__sec otk-qa" id="qa" aria-labelledby="sec-qa" data-testid="qa-bank">
      <h2 id="sec-qa">{t.qa}</h2>
      <p class="otk-muted">{t.qaHint}</p>
      {qa.items.map((it, i) => (
        <div class="otk-qa__item" key={i} data-testid="qa-item">
          <div>
            <select
              aria-label={t.kind}
              value={it.kind}
              onChange={(e) => patch(i, { kind: (e.target as HTMLSelectElement).value as QaKind })}
            >
              {QA_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.kinds[k]}
                </option>
              ))}
            </select>
            {it.kind === 'custom' ? (
              <input
                class="otk-qa__pattern"
                aria-label={t.pattern}
                placeholder={t.pattern}
                value={it.pattern}
                maxLength={300}
                onInput={(e) => patch(i, { pattern: (e.target as HTMLInputElement).value })}
              />
            ) : null}
          </div>
          <textarea
            aria-label={t.answer}
            placeholder={t.answer}
            rows={2}
            maxLength={2000}
            value={it.answer}
            onInput={(e) => patch(i, { answer: (e.target as HTMLTextAreaElement).value })}
          />
          <button
            type="button"
            class="otk-btn otk-btn--sm"
            onClick={() => setItems(qa.items.filter((_, k) => k !== i))}
          >
            {t.remove}
          </button>
        </div>
      ))}
      <p>
        <button
          type="button"
          class="otk-btn"
          data-testid="qa-add"
          disabled={qa.items.length >= 100}
          onClick={() =>
            setItems([
              ...qa.items,
              { kind: qa.items.some((x) => x.kind === 'salary') ? 'custom' : 'salary', pattern: '', answer: '' },
            ])
          }
        >
          {t.add}
        </button>
      </p>
      <label class="otk-check">
        <input
          type="checkbox"
          data-testid="qa-auto-answer"
          checked={qa.autoAnswer}
          onChange={(e) => (st.qa.value = { ...qa, autoAnswer: (e.target as HTMLInputElement).checked })}
        />{' '}
        {t.autoAnswer}
      </label>
      <label class="otk-check">
        <input
          type="checkbox"
          checked={qa.draftReplies}
          onChange={(e) => (st.qa.value = { ...qa, draftReplies: (e.target as HTMLInputElement).checked })}
        />{' '}
        {t.draftReplies}
      </label>
      <label>
        {t.syncMinutes}{' '}
        <input
          type="number"
          min={15}
          max={1440}
          value={qa.syncMinutes}
          onInput={(e) => (st.qa.value = { ...qa, syncMinutes: Number((e.target as HTMLInputElement).value) })}
        />
      </label>
      <p>
        {st.msg.value ? (
          <span class={st.msg.value.ok ? 'otk-ok' : 'otk-error'} role="status">
            {st.msg.value.text}
          </span>
        ) : null}
      </p>
    </section>
  );
}
