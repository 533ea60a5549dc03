import { describe, expect, it } from 'vitest';
import { readQuestionnairePage } from './questions';

const URL_Q = 'https://hh.ru/applicant/vacancy_response?vacancyId=5&startedWithQuestion=false';
const FORM = `<html><body><a href="/account/login">Войти</a><form><input type="hidden" name="uidPk" value="10"><input type="hidden" name="guid" value="G"><input type="hidden" name="startTime" value="1"><input type="hidden" name="testRequired" value="true">
<div data-qa="task-body"><div data-qa="task-question">Когда сможете выйти?</div><textarea name="task_11_text"></textarea></div></form></body></html>`;
const page = (over: Partial<Parameters<typeof readQuestionnairePage>[0]>) =>
  readQuestionnairePage({ status: 200, url: URL_Q, contentType: 'text/html', body: FORM, ...over });

describe("readQuestionnairePage: what the worker's GET of the questionnaire brought back", () => {
  it('a page with questions is a form (checked before the login markers: hh headers link to /account/login)', () => {
    const r = page({});
    expect(r).toMatchObject({
      kind: 'form',
      form: {
        hidden: { uidPk: '10', guid: 'G', startTime: '1', testRequired: 'true' },
        questions: [{ taskId: '11', kind: 'text' }],
      },
    });
  });

  it('redirected to login or captcha, or a login/captcha page in place of the form → pause (captcha_or_login)', () => {
    expect(page({ url: 'https://hh.ru/account/login?backurl=%2Fapplicant%2Fvacancy_response' })).toMatchObject({
      kind: 'outcome',
      outcome: { kind: 'captcha_or_login', which: 'login' },
    });
    expect(page({ url: 'https://hh.ru/account/captcha?backurl=x' })).toMatchObject({
      kind: 'outcome',
      outcome: { kind: 'captcha_or_login', which: 'captcha' },
    });
    expect(page({ body: '<html><div id="smartcaptcha"></div></html>' })).toMatchObject({
      kind: 'outcome',
      outcome: { kind: 'captcha_or_login', which: 'captcha' },
    });
    expect(page({ body: '<form><input name="username"><input type="password"></form>' })).toMatchObject({
      kind: 'outcome',
      outcome: { kind: 'captcha_or_login', which: 'login' },
    });
    expect(page({ status: 403, body: 'denied' })).toMatchObject({
      kind: 'outcome',
      outcome: { kind: 'captcha_or_login', which: 'login' },
    });
  });

  it('5xx and 429 → server_error (the queue retries with backoff)', () => {
    expect(page({ status: 503, body: FORM })).toMatchObject({
      kind: 'outcome',
      outcome: { kind: 'server_error', status: 503, detail: 'questionnaire page: HTTP 503' },
    });
    expect(page({ status: 429, body: '', retryAfter: '120' })).toMatchObject({
      kind: 'outcome',
      outcome: { kind: 'server_error', retryAfterMs: 120_000 },
    });
  });

  it('no questions on the page, a 404, JSON → unreadable with a reason (the job waits for the user)', () => {
    expect(
      page({
        url: 'https://hh.ru/vacancy/5?fromResponse=true',
        body: '<html><h1 data-qa="vacancy-title">X</h1></html>',
      }),
    ).toEqual({
      kind: 'unreadable',
      reason: 'questionnaire page: no employer questions found (/vacancy/5?fromResponse=true)',
    });
    expect(page({ status: 404, body: '<html>Not found</html>' })).toEqual({
      kind: 'unreadable',
      reason: 'questionnaire page: HTTP 404',
    });
    expect(page({ contentType: 'application/json', body: '{"a":1}' }).kind).toBe('unreadable');
    expect(page({ body: '' }).kind).toBe('unreadable');
  });
});
