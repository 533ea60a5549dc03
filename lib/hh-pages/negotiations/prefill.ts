import { parseQuestionnaire, questionField } from '../../core/hh/questions';
import { plural, type Lang } from '../../core/i18n/lang';
import { createShadowHost } from '../../listing/triage/shadow-host';
import { prefillAnswers } from '../../core/negotiations/qa';
import type { QaItem } from '../../core/negotiations/settings';

/**
 * Pre-fills the employer's questionnaire on hh's apply form from the Q&A bank (content script). Only empty
 * text fields are touched, each filled one is outlined so the user sees what Otklik wrote; the form is never
 * submitted — the user checks, answers the rest and clicks hh's own button. Returns what was done and an
 * undo that restores the fields Otklik filled (when the user turns Otklik off).
 */
export interface PrefillResult {
  questions: number;
  filled: number;
  /** Questions the bank has no answer for (the job stays "needs you" until the user answers them). */
  unknown: number;
  undo: () => void;
}

const OUTLINE = '2px solid #2e7d32';

const NOTE_TEXTS: Record<Lang, (filled: number, total: number, unknown: number) => string> = {
  ru: (f, n, u) =>
    `Otklik заполнил ${f} из ${n} ${plural(n, 'ответа', 'ответов', 'ответов')} из вашего банка ответов (выделены зелёным) — проверьте их.${u ? ` ${u} ${plural(u, 'вопрос ждёт', 'вопроса ждут', 'вопросов ждут')} вашего ответа.` : ''} Отправляете вы сами.`,
  en: (f, n, u) =>
    `Otklik filled ${f} of ${n} answers from your Q&A bank (outlined in green) — check them.${u ? ` ${u} question${u === 1 ? '' : 's'} need${u === 1 ? 's' : ''} your answer.` : ''} You submit the form yourself.`,
};
const NOTE_CSS =
  '.otk-note{font:13px/1.4 system-ui,sans-serif;color:#1b4332;background:#ecfdf3;border:1px solid #2e7d32;border-radius:8px;padding:8px 12px;margin:8px 0}';

/** React keeps its own copy of a controlled field's value: set through the native setter, then announce it. */
function setNativeValue(el: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

export function prefillQuestionnaire(
  root: Document | Element,
  bank: readonly QaItem[],
  lang: Lang = 'ru',
): PrefillResult {
  const html = 'documentElement' in root ? root.documentElement.outerHTML : root.outerHTML;
  const questions = parseQuestionnaire(html);
  const { answers } = prefillAnswers(questions, bank);
  const touched: Array<{ el: HTMLTextAreaElement | HTMLInputElement; outline: string }> = [];
  let unknown = 0;
  for (const { question, answer } of answers) {
    const el = question.kind === 'text' ? questionField(root, question) : null;
    if (!el || answer === null) {
      if (!el || !el.value.trim()) unknown++;
      continue;
    }
    if (el.value.trim()) continue; // the user's own answer stays
    touched.push({ el, outline: el.style.outline });
    setNativeValue(el, answer);
    el.style.outline = OUTLINE;
    el.title = 'Otklik: from your Q&A bank — check before sending';
  }
  // One visible line above the form: what Otklik did and what is left to the user.
  const first = questions.length ? questionField(root, questions[0]!) : null;
  const doc = first?.ownerDocument;
  let note: HTMLElement | null = null;
  if (first && doc && touched.length) {
    const { host, content } = createShadowHost(doc, 'div', 'data-otk-prefill-note', NOTE_CSS, 'otk-note');
    content.setAttribute('role', 'status');
    content.textContent = NOTE_TEXTS[lang](touched.length, questions.length, unknown);
    const form = first.closest('form');
    if (form) form.prepend(host);
    else first.before(host);
    note = host;
  }
  return {
    questions: questions.length,
    filled: touched.length,
    unknown,
    undo: () => {
      note?.remove();
      for (const { el, outline } of touched) {
        setNativeValue(el, '');
        el.style.outline = outline;
        el.removeAttribute('title');
      }
    },
  };
}
