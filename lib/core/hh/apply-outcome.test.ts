import { describe, expect, it } from 'vitest';
import { describeWithShared, readSharedFixture } from '../../../test/shared-fixtures';
import {
  applySuccessSchema,
  classifyApplyAnswer,
  describeOutcome,
  testLink,
  type ApplyOutcome,
  type RawAnswer,
} from './apply-outcome';

const ctx = { vacancyId: '131481403', origin: 'https://hh.ru' };
const json = (status: number, body: unknown, extra: Partial<RawAnswer> = {}): RawAnswer => ({
  status,
  url: 'https://hh.ru/applicant/vacancy_response/popup',
  contentType: 'application/json; charset=utf-8',
  body: typeof body === 'string' ? body : JSON.stringify(body),
  ...extra,
});
const html = (status: number, body: string, url = 'https://hh.ru/applicant/vacancy_response/popup'): RawAnswer => ({
  status,
  url,
  contentType: 'text/html; charset=utf-8',
  body,
});

/** The JSON block of a captured request/response markdown file (the fenced block that starts with "{"). */
function capturedJson(rel: string): string {
  const lines = readSharedFixture(rel).split('\n');
  const start = lines.findIndex((l, i) => l.startsWith('```') && lines[i + 1]?.trim() === '{');
  const end = lines.findIndex((l, i) => i > start && l.startsWith('```'));
  if (start < 0 || end < 0) throw new Error(`no JSON block in ${rel}`);
  return lines.slice(start + 1, end).join('\n');
}

describeWithShared('real hh answers (../shared/fixtures/hh/apply)', () => {
  it('the 2026-03 capture (success:"true" + requiredAdditionalData:["PHOTO"]) is applied, with its ids', () => {
    const body = capturedJson('fixtures/hh/apply/hh_popup_apply_request_response_2026-03.md');
    expect(applySuccessSchema.safeParse(JSON.parse(body)).success).toBe(true);
    expect(classifyApplyAnswer(json(200, body), ctx)).toEqual({
      kind: 'applied',
      status: 200,
      topicId: '5179231635',
      chatId: '5212556056',
      responseLabel: 'nonreq-letter-no-test-with-letter',
    });
  });

  it('the 2026-05 capture (questionnaire answered: responseStatus.test.required) is applied too', () => {
    const body = capturedJson('fixtures/hh/apply/hh_popup_apply_with_test_request_response_2026-05.md');
    const out = classifyApplyAnswer(json(200, body), { ...ctx, vacancyId: '132310345' });
    expect(out).toEqual({
      kind: 'applied',
      status: 200,
      topicId: '5316445435',
      chatId: '5356680070',
      responseLabel: 'nonreq-letter-req-test-without-letter',
    });
  });

  it('a real success with success flipped to "false" is not mistaken for one', () => {
    const real = JSON.parse(capturedJson('fixtures/hh/apply/hh_popup_apply_request_response_2026-03.md')) as Record<
      string,
      unknown
    >;
    expect(classifyApplyAnswer(json(200, { ...real, success: 'false' }), ctx).kind).not.toBe('applied');
  });
});

describe('hh error answers (hh-site.md §2.3) → outcomes', () => {
  const cases: Array<[string, RawAnswer, Partial<ApplyOutcome>]> = [
    [
      'daily cap: 400 negotiations-limit-exceeded',
      json(400, { error: 'negotiations-limit-exceeded' }),
      { kind: 'daily_limit' },
    ],
    [
      'questionnaire: test-required',
      json(400, { error: 'test-required' }),
      { kind: 'test_required', link: testLink('https://hh.ru', '131481403') },
    ],
    ['legacy questionnaire flag', json(400, { responseStatus: { testRequired: true } }), { kind: 'test_required' }],
    ['already applied: error alreadyApplied', json(400, { error: 'alreadyApplied' }), { kind: 'already_applied' }],
    ['already applied: error already_applied', json(400, { error: 'already_applied' }), { kind: 'already_applied' }],
    [
      'already applied: responseStatus.alreadyApplied + topic',
      json(400, {
        error: 'alreadyApplied',
        responseStatus: { alreadyApplied: true, negotiations: { topicList: [{ id: 5179231635, chatId: 5212556056 }] } },
      }),
      { kind: 'already_applied', topicId: '5179231635', chatId: '5212556056' },
    ],
    [
      'already applied: errors[].value «уже»',
      json(400, { errors: [{ type: 'bad_argument', value: 'Вы уже откликались на эту вакансию' }] }),
      { kind: 'already_applied' },
    ],
    ['vacancy gone: bare {"error":"unknown"}', json(400, { error: 'unknown' }), { kind: 'vacancy_gone' }],
    [
      'vacancy gone: errors not_found',
      json(400, { error: 'unknown', errors: [{ type: 'not_found', value: 'archived' }] }),
      { kind: 'vacancy_gone' },
    ],
    ['vacancy gone: vacancy-archived code', json(400, { error: 'vacancy-archived' }), { kind: 'vacancy_gone' }],
    ['letter required', json(400, { error: 'letter-required' }), { kind: 'letter_required' }],
    [
      'external (direct) vacancy with its url',
      json(400, { error: 'direct-vacancy', response_url: 'https://jobs.example.com/apply/1' }),
      { kind: 'external', url: 'https://jobs.example.com/apply/1' },
    ],
    ['xsrf: 403 xsrfError', json(403, { xsrfError: true }), { kind: 'xsrf' }],
    ['xsrf: errorPage.xsrfError', json(403, { errorPage: { xsrfError: true } }), { kind: 'xsrf' }],
    [
      'login: 403 loginRequired JSON',
      json(403, { error: 'forbidden', errors: [{ type: 'forbidden', value: 'not_authorized' }], loginRequired: true }),
      { kind: 'captcha_or_login', which: 'login' },
    ],
    ['login: 401 empty JSON', json(401, {}), { kind: 'captcha_or_login', which: 'login' }],
    [
      'captcha: API-style captcha_required',
      json(403, {
        errors: [
          { type: 'captcha_required', value: 'captcha_required', captcha_url: 'https://hh.ru/account/captcha?state=x' },
        ],
      }),
      { kind: 'captcha_or_login', which: 'captcha', url: 'https://hh.ru/account/captcha?state=x' },
    ],
    [
      'captcha: hhcaptcha.isBot flag',
      json(200, { hhcaptcha: { isBot: true } }),
      { kind: 'captcha_or_login', which: 'captcha' },
    ],
    [
      'captcha: redirected to /account/captcha (HTML)',
      html(200, '<html>…</html>', 'https://hh.ru/account/captcha?backurl=%2F'),
      { kind: 'captcha_or_login', which: 'captcha' },
    ],
    [
      'login: redirected to /account/login',
      html(200, '<html>…</html>', 'https://hh.ru/account/login?backurl=%2F'),
      { kind: 'captcha_or_login', which: 'login' },
    ],
    [
      'captcha: SmartCaptcha HTML in place',
      html(200, '<div class="smartcaptcha"><iframe src="https://captcha.yandex.ru/"></iframe></div>'),
      { kind: 'captcha_or_login', which: 'captcha' },
    ],
    ['login: 403 HTML', html(403, '<html><body>Forbidden</body></html>'), { kind: 'captcha_or_login', which: 'login' }],
    [
      'HTML without captcha/login marks on a 4xx: a session problem (pause)',
      html(400, '<html><body>Обслуживание</body></html>'),
      { kind: 'captcha_or_login' },
    ],
    ['5xx HTML (DDoS-Guard 502)', html(502, '<html>502 Bad Gateway</html>'), { kind: 'server_error', status: 502 }],
    ['5xx JSON', json(503, { error: 'unavailable' }), { kind: 'server_error', status: 503 }],
    [
      '429 with Retry-After seconds',
      { ...html(429, 'Too Many Requests'), retryAfter: '120' },
      { kind: 'server_error', status: 429, retryAfterMs: 120_000 },
    ],
    [
      'resume gone: error unknown + resume_not_found',
      json(400, { error: 'unknown', errors: [{ type: 'resume_not_found' }] }),
      { kind: 'rejected', code: 'resume_not_found' },
    ],
    [
      'letter too long',
      json(400, { error: 'letter-too-long', letterMaxLength: 10000 }),
      { kind: 'rejected', code: 'letter-too-long' },
    ],
    [
      'policy violation',
      json(400, { errors: [{ type: 'resource_policy_violation' }] }),
      { kind: 'rejected', code: 'resource_policy_violation' },
    ],
    ['garbage JSON-ish text with a JSON content type, 4xx', json(400, '{not json'), { kind: 'captcha_or_login' }],
    [
      'an unknown error code on a 200 is still hh refusing',
      json(200, { error: 'some-new-code' }),
      { kind: 'rejected', code: 'some-new-code' },
    ],
  ];
  it.each(cases)('%s', (_name, answer, expected) => {
    const out = classifyApplyAnswer(answer, ctx);
    expect(out).toMatchObject(expected);
    expect(describeOutcome(out)).toMatch(/\S/);
  });

  // A 2xx in a shape hh never sends: the request reached hh and nothing says it was refused → "may be sent".
  const unknownBodies: Array<[string, RawAnswer]> = [
    ['{}', json(200, {})],
    ['{"success":1}', json(200, { success: 1 })],
    ['{"success":"false"}', json(200, { success: 'false' })],
    ['{"success":false}', json(200, { success: false })],
    ['{"success":"yes","topic_id":1}', json(200, { success: 'yes', topic_id: 1 })],
    ['empty body (JSON content type)', json(200, '')],
    [
      'empty body, no content type',
      { status: 200, url: 'https://hh.ru/applicant/vacancy_response/popup', contentType: '', body: '' },
    ],
    ['whitespace only', json(200, ' \n ')],
    ['null', json(200, 'null')],
    ['[]', json(200, '[]')],
    ['"true" (a bare string)', json(200, '"true"')],
    ['truncated JSON', json(200, '{"success":"tr')],
    ['a plain HTML page', html(200, '<html><body>Обслуживание</body></html>')],
    [
      'a plain text OK',
      { status: 200, url: 'https://hh.ru/applicant/vacancy_response/popup', contentType: 'text/plain', body: 'OK' },
    ],
    ['flags present but empty', json(200, { responseStatus: {}, errors: [] })],
    ['HTTP 201 {}', json(201, {})],
    [
      'HTTP 204 empty',
      { status: 204, url: 'https://hh.ru/applicant/vacancy_response/popup', contentType: '', body: '' },
    ],
  ];
  it.each(unknownBodies)('unrecognised 2xx %s → unknown (maybe sent), never rejected or captcha', (_name, answer) => {
    const out = classifyApplyAnswer(answer, ctx);
    expect(out).toMatchObject({ kind: 'unknown', status: answer.status });
    expect(describeOutcome(out)).toMatch(/not understood.*may have been sent/);
  });

  it('the unknown outcome quotes at most 80 characters of the body', () => {
    const out = classifyApplyAnswer(html(200, `<html>${'x'.repeat(5000)}</html>`), ctx);
    expect(out.kind === 'unknown' && out.detail.length).toBeLessThan(120);
  });

  it('success wins over extra fields that look like errors', () => {
    expect(
      classifyApplyAnswer(
        json(200, {
          success: 'true',
          topic_id: 1,
          requiredAdditionalData: ['PHOTO'],
          responseStatus: { test: { required: true } },
        }),
        ctx,
      ),
    ).toMatchObject({ kind: 'applied', topicId: '1' });
  });

  it('session problems win over "already applied" (a captcha JSON may echo the previous state)', () => {
    expect(classifyApplyAnswer(json(403, { xsrfError: true, error: 'alreadyApplied' }), ctx).kind).toBe('xsrf');
    expect(classifyApplyAnswer(json(403, { hhcaptcha: { isBot: true }, error: 'alreadyApplied' }), ctx).kind).toBe(
      'captcha_or_login',
    );
  });

  it('already applied wins over test/letter codes that come with it', () => {
    expect(
      classifyApplyAnswer(json(400, { error: 'test-required', responseStatus: { alreadyApplied: true } }), ctx).kind,
    ).toBe('already_applied');
  });
});
