import {
  pathOf,
  redirectedToSessionPage,
  serverError,
  sessionPageInstead,
  type ApplyOutcome,
  type RawAnswer,
} from './apply-outcome';
import { decodeEntities } from './initial-state';

/**
 * The employer's questionnaire on the apply form (`/applicant/vacancy_response?vacancyId=…`, hh-site.md §1.3):
 * `[data-qa="task-body"]` blocks, each with `[data-qa="task-question"]` and an input named `task_<id>_text`
 * (free text) or `task_<id>` (choice: radio/checkbox with the option id as value). Fixture:
 * apply/hh_vacancy_response_with_test_questions_2026-05.html (8 free-text questions; no choice question is in
 * any saved page, so choice inputs are read by name only and never filled automatically).
 */
export interface TaskQuestion {
  taskId: string;
  question: string;
  kind: 'text' | 'choice';
  /** The form field to fill (text questions). */
  inputName: string;
}

const BODY = 'data-qa="task-body"';
const QUESTION = /data-qa="task-question"[^>]*>([\s\S]*?)<\/div>/;
const TEXT_INPUT = /name="task_(\d+)_text"/;
const CHOICE_INPUT = /name="task_(\d+)"/;

function textOf(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]+>/g, ' '))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

export function parseQuestionnaire(html: string): TaskQuestion[] {
  const out: TaskQuestion[] = [];
  const starts: number[] = [];
  for (let i = html.indexOf(BODY); i >= 0; i = html.indexOf(BODY, i + BODY.length)) starts.push(i);
  starts.forEach((at, k) => {
    const slice = html.slice(at, starts[k + 1] ?? Math.min(html.length, at + 20_000));
    const question = textOf(QUESTION.exec(slice)?.[1] ?? '');
    const text = TEXT_INPUT.exec(slice);
    const choice = text ? null : CHOICE_INPUT.exec(slice);
    const taskId = text?.[1] ?? choice?.[1];
    if (!question || !taskId) return;
    out.push({
      taskId,
      question,
      kind: text ? 'text' : 'choice',
      inputName: text ? `task_${taskId}_text` : `task_${taskId}`,
    });
  });
  return out;
}

/** The live form's text field of a question (content script). */
export function questionField(root: ParentNode, q: TaskQuestion): HTMLTextAreaElement | HTMLInputElement | null {
  return root.querySelector<HTMLTextAreaElement | HTMLInputElement>(
    `textarea[name="${q.inputName}"], input[type="text"][name="${q.inputName}"]`,
  );
}

/** The hidden fields hh's questionnaire form carries and sends back with the answers (2026-05 capture order). */
export const QUESTIONNAIRE_HIDDEN = ['uidPk', 'guid', 'startTime', 'testRequired'] as const;

export interface QuestionnaireForm {
  questions: TaskQuestion[];
  /** uidPk, guid, startTime, testRequired as the page gave them (absent ones missing). */
  hidden: Partial<Record<(typeof QUESTIONNAIRE_HIDDEN)[number], string>>;
}

const HIDDEN_INPUT = /<input\b[^>]*\btype="hidden"[^>]*>/gi;

/** The questionnaire with the hidden fields needed to send it (page HTML as text: works in the worker). */
export function parseQuestionnaireForm(html: string): QuestionnaireForm {
  const hidden: QuestionnaireForm['hidden'] = {};
  for (const m of html.matchAll(HIDDEN_INPUT)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const value = /\bvalue="([^"]*)"/.exec(m[0])?.[1] ?? '';
    if (name && (QUESTIONNAIRE_HIDDEN as readonly string[]).includes(name) && !(name in hidden))
      hidden[name as (typeof QUESTIONNAIRE_HIDDEN)[number]] = decodeEntities(value);
  }
  return { questions: parseQuestionnaire(html), hidden };
}

/**
 * The questionnaire part of the apply POST (hh-site.md §2.1 "questionnaire extras"; real capture
 * apply/hh_popup_apply_with_test_request_response_2026-05.md): uidPk, guid, startTime, testRequired, then
 * `task_<id>_text` per question, in page order. null unless EVERY question is a text question with an answer
 * and the hidden fields are all there — a partly answered questionnaire is the user's to finish.
 */
export function questionnaireFields(
  form: QuestionnaireForm,
  answerOf: (q: TaskQuestion) => string | null,
): Array<[string, string]> | null {
  if (!form.questions.length) return null;
  const out: Array<[string, string]> = [];
  for (const h of QUESTIONNAIRE_HIDDEN) {
    const v = form.hidden[h];
    if (v === undefined) return null;
    out.push([h, v]);
  }
  for (const q of form.questions) {
    const a = q.kind === 'text' ? answerOf(q)?.trim() : null;
    if (!a) return null;
    out.push([q.inputName, a]);
  }
  return out;
}

/**
 * What the worker's GET of the questionnaire page (`testLink`, hh-site.md §1.3) brought back. Pure; never throws.
 *
 * - `form`: the page carries employer questions (parsed with the hidden fields; the caller decides whether it can
 *   answer them all). Checked FIRST: a real apply page may well mention /account/login in its header.
 * - `outcome`: the session is not usable (redirected to / showing a login or captcha page → pause like the
 *   apply does), or the site failed (5xx/429 → the queue's usual retry).
 * - `unreadable`: a page without questions (hh changed the markup, the vacancy has no test any more, a 404):
 *   the job is left to the user with this reason.
 */
export type QuestionnairePage =
  | { kind: 'form'; form: QuestionnaireForm }
  | { kind: 'outcome'; outcome: Extract<ApplyOutcome, { kind: 'captcha_or_login' | 'server_error' }> }
  | { kind: 'unreadable'; reason: string };

export function readQuestionnairePage(answer: RawAnswer): QuestionnairePage {
  const { status } = answer;
  const where = `questionnaire page`;
  const redirected = redirectedToSessionPage(answer, where);
  if (redirected) return { kind: 'outcome', outcome: redirected };
  if (status === 429 || status >= 500)
    return { kind: 'outcome', outcome: serverError(answer, `${where}: HTTP ${status}`) };
  if (status >= 200 && status < 300 && !/json/i.test(answer.contentType)) {
    const form = parseQuestionnaireForm(answer.body);
    if (form.questions.length) return { kind: 'form', form };
  }
  const page = sessionPageInstead(answer, (p) => `${where}: ${p} page (HTTP ${status})`);
  if (page) return { kind: 'outcome', outcome: page };
  if (status < 200 || status >= 300) return { kind: 'unreadable', reason: `${where}: HTTP ${status}` };
  return {
    kind: 'unreadable',
    reason: `${where}: no employer questions found (${pathOf(answer.url).slice(0, 80) || 'HTTP ' + status})`,
  };
}
