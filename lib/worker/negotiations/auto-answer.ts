import {
  questionnaireFields,
  QUESTIONNAIRE_HIDDEN,
  type QuestionnaireForm,
  type TaskQuestion,
} from '../../core/hh/questions';
import { answerFor } from '../../core/negotiations/qa';
import type { QaItem } from '../../core/negotiations/settings';

/**
 * Whether the queue may answer an employer questionnaire by itself (issue 8), and with what. Pure.
 *
 * Only all-or-nothing: every question must be a free-text question the bank answers with a non-empty answer,
 * unambiguously (two bank items of the same built-in kind with different answers = ambiguous), and the form's
 * hidden fields must all be there. Anything else leaves the job to the user, saying which questions were not
 * answered — never a guess, never a partly answered questionnaire.
 */

export interface SentAnswer {
  question: string;
  answer: string;
}

export type QuestionnaireDecision =
  | {
      kind: 'answer';
      /** The apply POST's questionnaire fields (hidden fields + task_<id>_text), page order. */
      fields: Array<[string, string]>;
      /** What is sent, question by question (for the job's events). */
      answers: SentAnswer[];
      total: number;
    }
  | {
      kind: 'needs_user';
      total: number;
      /** Questions the bank does not answer (text), cannot answer (choice) or answers ambiguously. */
      unknown: string[];
      /** One line for the job's event: why the user has to answer. */
      problem: string;
    };

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const quoted = (qs: readonly string[], max = 5) =>
  qs
    .slice(0, max)
    .map((q) => `«${clip(q, 80)}»`)
    .join(', ') + (qs.length > max ? ` and ${qs.length - max} more` : '');

/** The bank's answer for one question, or why there is none. */
function answerOne(
  q: TaskQuestion,
  bank: readonly QaItem[],
): { answer: string } | { why: 'choice' | 'unknown' | 'ambiguous' } {
  if (q.kind !== 'text') return { why: 'choice' };
  const m = answerFor(q.question, bank);
  const answer = m?.answer.trim() ?? '';
  if (!m || !answer) return { why: 'unknown' };
  // answerFor keeps distinct answers of every matching item: two of the same built-in kind disagree.
  const kinds = m.items.filter((it) => it.kind !== 'custom').map((it) => it.kind);
  if (new Set(kinds).size !== kinds.length) return { why: 'ambiguous' };
  return { answer };
}

export function decideQuestionnaire(form: QuestionnaireForm, bank: readonly QaItem[]): QuestionnaireDecision {
  const total = form.questions.length;
  if (!total)
    return {
      kind: 'needs_user',
      total,
      unknown: [],
      problem: 'no employer questions could be read on the questionnaire page',
    };
  const names = form.questions.map((q) => q.inputName);
  if (new Set(names).size !== names.length)
    return {
      kind: 'needs_user',
      total,
      unknown: [],
      problem: 'the questionnaire page lists the same question field twice (not understood)',
    };

  const byName = new Map<string, string>();
  const unknown: string[] = [];
  const choice: string[] = [];
  const ambiguous: string[] = [];
  for (const q of form.questions) {
    const r = answerOne(q, bank);
    if ('answer' in r) byName.set(q.inputName, r.answer);
    else (r.why === 'choice' ? choice : r.why === 'ambiguous' ? ambiguous : unknown).push(q.question);
  }
  const open = [...unknown, ...ambiguous, ...choice];
  if (open.length) {
    const parts = [`${open.length} of ${total} questions unknown`];
    if (unknown.length) parts.push(`not in your answer bank: ${quoted(unknown)}`);
    if (ambiguous.length) parts.push(`your bank has different answers for: ${quoted(ambiguous)}`);
    if (choice.length) parts.push(`choice questions (never answered automatically): ${quoted(choice)}`);
    return { kind: 'needs_user', total, unknown: open, problem: parts.join('; ') };
  }
  const missing = QUESTIONNAIRE_HIDDEN.filter((h) => form.hidden[h] === undefined);
  if (missing.length)
    return {
      kind: 'needs_user',
      total,
      unknown: [],
      problem: `the questionnaire form lacks ${missing.join(', ')} (not understood)`,
    };
  const fields = questionnaireFields(form, (q) => byName.get(q.inputName) ?? null);
  if (!fields)
    return {
      kind: 'needs_user',
      total,
      unknown: [],
      problem: 'the questionnaire form could not be filled (not understood)',
    };
  return {
    kind: 'answer',
    fields,
    answers: form.questions.map((q) => ({ question: q.question, answer: byName.get(q.inputName)! })),
    total,
  };
}

/** Whether the bank has anything to answer with (an empty bank never costs a page request). */
export const bankHasAnswers = (bank: readonly QaItem[]): boolean => bank.some((it) => it.answer.trim() !== '');

/** The answers sent, as one line for the job's event log (each clipped: the log is for reading, not a copy). */
export function describeSentAnswers(answers: readonly SentAnswer[]): string {
  return (
    `sent ${answers.length} answer${answers.length === 1 ? '' : 's'} to the employer's questions from your bank: ` +
    answers.map((a) => `«${clip(a.question, 160)}» → «${clip(a.answer, 300)}»`).join('; ')
  );
}
