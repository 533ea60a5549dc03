import { parseQuestionnaire, questionField } from '../hh/questions';
import { prefillAnswers } from './qa';
import type { QaItem } from './settings';

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

/** React keeps its own copy of a controlled field's value: set through the native setter, then announce it. */
function setNativeValue(el: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

export function prefillQuestionnaire(root: Document | Element, bank: readonly QaItem[]): PrefillResult {
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
  return {
    questions: questions.length,
    filled: touched.length,
    unknown,
    undo: () => {
      for (const { el, outline } of touched) {
        setNativeValue(el, '');
        el.style.outline = outline;
        el.removeAttribute('title');
      }
    },
  };
}
