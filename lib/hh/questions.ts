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
  return decodeEntities(fragment.replace(/<[^>]+>/g, ' ')).replace(/[\s\u00a0]+/g, ' ').trim();
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
    out.push({ taskId, question, kind: text ? 'text' : 'choice', inputName: text ? `task_${taskId}_text` : `task_${taskId}` });
  });
  return out;
}

/** The live form's text field of a question (content script). */
export function questionField(root: ParentNode, q: TaskQuestion): HTMLTextAreaElement | HTMLInputElement | null {
  return root.querySelector<HTMLTextAreaElement | HTMLInputElement>(`textarea[name="${q.inputName}"], input[type="text"][name="${q.inputName}"]`);
}
