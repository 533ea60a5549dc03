/**
 * `POST /applicant/vacancy_response/popup` — the site's own apply endpoint, as a function of
 * (server state, vacancies, request) → response. Shapes follow hh-site.md §2.1–2.3 and the captured
 * success JSON (fixtures/hh/apply/hh_popup_apply_request_response_2026-03.md).
 */
import { z } from 'zod';
import type { Vacancy } from './data.ts';
import { questionnaireOf } from './negotiations.ts';
import { appliedInLastDay, RESUMES, ACCOUNT, type Application, type ServerState } from './state.ts';

export interface ApplyInput {
  cookies: Record<string, string>;
  /** `X-Xsrftoken` header, if sent. */
  xsrfHeader: string | null;
  fields: Record<string, string>;
  now: number;
}

export type ApplyOutcome =
  | { kind: 'json'; status: number; body: Record<string, unknown>; application?: Application }
  | { kind: 'redirect'; location: string };

/** The form the site posts (extra fields such as lux, ignore_postponed, task_* are allowed). */
export const ApplyFormSchema = z
  .object({
    _xsrf: z.string().optional(),
    vacancy_id: z.string().regex(/^\d{1,12}$/),
    resume_hash: z.string().min(1),
    letter: z.string().optional(),
    withoutTest: z.string().optional(),
  })
  .passthrough();

const xsrfError = (): ApplyOutcome => ({
  kind: 'json',
  status: 403,
  body: { error: 'xsrf', xsrfError: true, errorPage: { xsrfError: true } },
});
const err = (status: number, body: Record<string, unknown>): ApplyOutcome => ({ kind: 'json', status, body });

function iso(ms: number): string {
  // hh prints Moscow time with an explicit offset
  return `${new Date(ms + 3 * 3600_000).toISOString().replace('Z', '')}+03:00`;
}

export function handleApply(state: ServerState, byId: ReadonlyMap<number, Vacancy>, input: ApplyInput): ApplyOutcome {
  const b = state.behaviour;
  // 1. session
  if (b.loggedOut || input.cookies.hhtoken !== state.sessionToken) {
    if (b.loggedOutMode === 'redirect')
      return { kind: 'redirect', location: '/account/login?backurl=%2Fapplicant%2Fvacancy_response%2Fpopup' };
    return err(403, {
      error: 'forbidden',
      errors: [{ type: 'forbidden', value: 'not_authorized' }],
      loginRequired: true,
    });
  }
  // 2. xsrf: the form field, the cookie and the header must all be present and equal
  const cookie = input.cookies._xsrf;
  if (b.xsrfBroken || !cookie || input.fields._xsrf !== cookie || input.xsrfHeader !== cookie) return xsrfError();
  // 3. form
  const parsed = ApplyFormSchema.safeParse(input.fields);
  if (!parsed.success)
    return err(400, {
      error: 'unknown',
      errors: [{ type: 'bad_arguments', value: parsed.error.issues.map((i) => i.path.join('.')).join(',') }],
    });
  const form = parsed.data;
  const vacancyId = Number(form.vacancy_id);
  const vacancy = byId.get(vacancyId);
  if (!vacancy || vacancy.kind.archived)
    return err(400, {
      error: 'unknown',
      errors: [{ type: 'not_found', value: vacancy ? 'archived' : 'vacancy_not_found' }],
    });
  const resume = RESUMES.find((r) => r.hash === form.resume_hash);
  if (!resume) return err(400, { error: 'unknown', errors: [{ type: 'resume_not_found' }] });
  // 4. vacancy-specific refusals
  if (vacancy.kind.external) return err(400, { error: 'direct-vacancy', response_url: vacancy.responseUrl });
  const previous = state.appliedByVacancy.get(vacancyId);
  if (previous) {
    return err(400, {
      error: 'alreadyApplied',
      responseStatus: {
        alreadyApplied: true,
        negotiations: { topicList: [{ id: Number(previous.topicId), chatId: Number(previous.chatId), vacancyId }] },
      },
    });
  }
  const letter = form.letter ?? '';
  // The questionnaire, checked like hh would: the form's uidPk and a non-empty answer to every question
  // (`task_<id>_text`), else "test-required" again. What was answered is recorded for the tests.
  let answered: Array<{ question: string; answer: string }> | undefined;
  if (vacancy.kind.hasTest) {
    const q = questionnaireOf(vacancy);
    const answers = q.tasks.map((t) => ({
      question: t.question,
      answer: (input.fields[`task_${t.id}_text`] ?? '').trim(),
    }));
    if (input.fields.uidPk !== String(q.uidPk) || answers.some((a) => !a.answer)) {
      return err(400, {
        error: 'test-required',
        responseStatus: { test: { hasTests: true, testId: 236_000 + (vacancyId % 1000), required: true } },
      });
    }
    answered = answers;
  }
  const testAnswers = answered !== undefined;
  if (vacancy.kind.letterRequired && letter.trim() === '') return err(400, { error: 'letter-required' });
  if (letter.length > 10_000) return err(400, { error: 'letter-too-long', letterMaxLength: 10_000 });
  // 5. the daily cap (rolling 24 h)
  if (appliedInLastDay(state, input.now) >= b.dailyLimit) return err(400, { error: 'negotiations-limit-exceeded' });

  // success
  const topicId = String(state.nextTopicId);
  const chatId = String(state.nextTopicId + 33_324_421);
  state.nextTopicId += 1 + Math.floor(state.rnd() * 50);
  const application: Application = {
    vacancyId,
    resumeHash: resume.hash,
    letter,
    time: input.now,
    topicId,
    chatId,
    withTestAnswers: testAnswers,
  };
  if (answered) application.testAnswers = answered;
  state.applications.push(application);
  if (state.applications.length > 20_000) state.applications.splice(0, state.applications.length - 20_000);
  state.appliedByVacancy.set(vacancyId, application);

  const label = `${vacancy.kind.letterRequired ? 'req' : 'nonreq'}-letter-${vacancy.kind.hasTest ? 'req-test' : 'no-test'}-${letter.trim() ? 'with' : 'without'}-letter`;
  const created = iso(input.now);
  return {
    kind: 'json',
    status: 200,
    application,
    body: {
      success: 'true',
      topic_id: topicId,
      chat_id: chatId,
      response_label: label,
      vacancy_id: String(vacancyId),
      applicantActivity: { userActivityScore: 12, userActivityScoreChange: 8, showActivity: true },
      requiredAdditionalData: ['PHOTO'],
      resumeFields: { salary: { amount: resume.salary, currency: 'RUR' }, experience: [] },
      achievementExamples: [],
      metroCities: [1, 2],
      preferredWorkAreas: [{ area: { id: 1, name: resume.area }, districts: [], metroStations: [], metroLines: [] }],
      askJobSearchStatus: false,
      responsesStreak: {
        vacancyId: String(vacancyId),
        responsesCount: state.applications.length,
        responsesRequired: 10,
      },
      responseStatus: {
        test: vacancy.kind.hasTest
          ? { hasTests: true, testId: 236_000 + (vacancyId % 1000), required: true }
          : { hasTests: false },
        negotiations: {
          topicList: [
            {
              id: Number(topicId),
              applicantUserId: Number(ACCOUNT.userId),
              employerId: vacancy.employer?.id ?? null,
              chatId: Number(chatId),
              communicationContext: { chatData: { id: Number(chatId), type: 'NEGOTIATION', subtype: null } },
              initialState: 'RESPONSE',
              lastState: 'RESPONSE',
              archived: false,
              creationTime: created,
              hasResponseLetter: letter.trim() !== '',
              viewedByOpponent: false,
              hasNewMessages: false,
              lastModified: created,
              lastModifiedMillis: input.now,
              creationTimeMillis: input.now,
              conversationMessagesCount: 1,
              vacancyId,
              resumeId: Number(resume.id),
              responded: true,
              invited: false,
              discarded: false,
            },
          ],
          total: 1,
          readOnlyInterval: 180,
        },
        letterMaxLength: 10_000,
      },
      respondedWithResume: {
        _attributes: { hash: resume.hash, id: resume.id, status: 'modified' },
        title: [{ string: resume.title }],
        hash: resume.hash,
        id: resume.id,
      },
    },
  };
}
