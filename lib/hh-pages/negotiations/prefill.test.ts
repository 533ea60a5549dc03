import { shadowOf } from '../../listing/triage/shadow-host';
import { describe, expect, it } from 'vitest';
import { describeWithShared, readSharedFixture } from '../../../test/shared-fixtures';
import { prefillQuestionnaire } from './prefill';
import { qaItemSchema } from '../../core/negotiations/settings';

const bank = [
  qaItemSchema.parse({ kind: 'salary', answer: 'от 250 000 ₽' }),
  qaItemSchema.parse({ kind: 'custom', pattern: 'docker', answer: 'Да, каждый день' }),
];

describeWithShared('questionnaire prefill on the real 2026-05 apply form (happy-dom)', () => {
  it("fills what the bank knows, keeps the user's own answers, counts the rest, and undoes", () => {
    document.body.innerHTML = readSharedFixture(
      'fixtures/hh/apply/hh_vacancy_response_with_test_questions_2026-05.html',
    );
    const own = document.querySelector<HTMLTextAreaElement>('textarea[name="task_349160536_text"]')!;
    own.value = 'мой ответ';
    const seen: string[] = [];
    document.addEventListener('input', (e) => seen.push((e.target as HTMLTextAreaElement).name));
    const r = prefillQuestionnaire(document, bank);
    expect(r).toMatchObject({ questions: 8, filled: 2, unknown: 5 });
    const docker = document.querySelector<HTMLTextAreaElement>('textarea[name="task_349160541_text"]')!;
    const salary = document.querySelector<HTMLTextAreaElement>('textarea[name="task_349160543_text"]')!;
    expect([docker.value, salary.value, own.value]).toEqual(['Да, каждый день', 'от 250 000 ₽', 'мой ответ']);
    expect(seen).toEqual(['task_349160541_text', 'task_349160543_text']);
    expect(docker.style.outline).not.toBe('');
    const note = shadowOf(document.querySelector('[data-otk-prefill-note]')!)!.textContent;
    expect(note).toContain('Otklik заполнил 2 из 8 ответов');
    expect(note).toContain('5 вопросов ждут вашего ответа');
    r.undo();
    expect(document.querySelector('[data-otk-prefill-note]')).toBeNull();
    expect([docker.value, salary.value, own.value]).toEqual(['', '', 'мой ответ']);
  });
});

describe('questionnaire prefill without questions', () => {
  it('does nothing on a page without a questionnaire', () => {
    document.body.innerHTML = '<form><textarea name="letter"></textarea></form>';
    expect(prefillQuestionnaire(document, bank)).toMatchObject({ questions: 0, filled: 0, unknown: 0 });
  });
});
