/**
 * The fake's responses page («Отклики», /applicant/negotiations) and employer chats (chatik.hh.ru/chatik/api/*).
 *
 * Markup: the card of the real page (fixture applicant/hh_negotiations_main_content_2026-03.html — magritte
 * card, `negotiations-tag negotiations-item-<status>` tag, `-vacancy`, `-company`, `-date`, `open_chat`,
 * `know-vacancy-responses-summary` → `/applicant-services/vacancy-summary/<topicId>`, `negotiations-decline`).
 * State: `applicantNegotiations.topicList[]` in the topic shape of the real 2026-05 apply capture. Status tags
 * other than viewed/not-viewed are not in any saved page: the fake uses the same suffix scheme (invitation,
 * discard, archived), which is what Otklik's parser also falls back to by text.
 *
 * Chat API (UNVERIFIED, as in lib/core/hh/chat.ts): GET /chatik/api/chat_data?chatId= → {chat:{id,
 * currentParticipantId, messages:{items:[{id,participantId,text,creationTime}]}}}; POST /chatik/api/send JSON
 * {chatId, idempotencyKey, text} with X-Xsrftoken = the `_xsrf` cookie; the same key twice keeps one message.
 *
 * Tests drive it with `fake.negotiations.set(vacancyId, 'view' | 'invite' | 'discard' | 'archive')` and
 * `fake.negotiations.employerWrites(vacancyId, text)`, or `POST /__fake/negotiations {vacancyId|topicId,
 * action?, message?}`; `fake.negotiations.sent` lists what the applicant sent through the chat API.
 */
import { z } from 'zod';
import type { Vacancy } from './data.ts';
import { esc, plural } from './format.ts';
import { baseInitialState, layout, type PageContext } from './render-pages.ts';
import type { Application, ServerState } from './state.ts';

export type NegotiationAction = 'view' | 'invite' | 'discard' | 'archive';

interface ChatItem {
  id: number;
  participantId: string;
  text: string;
  creationTime: string;
}

interface Topic {
  lastState: 'RESPONSE' | 'INVITATION' | 'DISCARD';
  viewed: boolean;
  archived: boolean;
  hasNewMessages: boolean;
  messages: ChatItem[];
  modified: number;
}

export interface ChatSend {
  chatId: string;
  topicId: string;
  text: string;
  idempotencyKey: string;
  time: number;
}

interface NegState {
  topics: Map<string, Topic>;
  sent: ChatSend[];
  nextMessageId: number;
}

const APPLICANT = 'applicant-100000001';
const EMPLOYER = 'employer-manager-1';

// Keyed by the server state: `fake.reset()` makes a new state, so negotiations reset with it.
const states = new WeakMap<ServerState, NegState>();

function negState(s: ServerState): NegState {
  let n = states.get(s);
  if (!n) states.set(s, (n = { topics: new Map(), sent: [], nextMessageId: 900_000_000 }));
  return n;
}

function topicOf(s: ServerState, a: Application): Topic {
  const n = negState(s);
  let t = n.topics.get(a.topicId);
  if (!t) {
    const first: ChatItem = {
      id: n.nextMessageId++,
      participantId: APPLICANT,
      text: a.letter.trim() || 'Отклик на вакансию',
      creationTime: new Date(a.time).toISOString(),
    };
    n.topics.set(
      a.topicId,
      (t = {
        lastState: 'RESPONSE',
        viewed: false,
        archived: false,
        hasNewMessages: false,
        messages: [first],
        modified: a.time,
      }),
    );
  }
  return t;
}

function findApplication(
  s: ServerState,
  ref: { vacancyId?: number; topicId?: string; chatId?: string },
): Application | undefined {
  return s.applications.find(
    (a) =>
      (ref.vacancyId !== undefined && a.vacancyId === ref.vacancyId) ||
      (ref.topicId !== undefined && a.topicId === ref.topicId) ||
      (ref.chatId !== undefined && a.chatId === ref.chatId),
  );
}

export function setNegotiation(s: ServerState, vacancyId: number, action: NegotiationAction, now: number): void {
  const a = findApplication(s, { vacancyId });
  if (!a) throw new Error(`fake-hh: no application for vacancy ${vacancyId}`);
  const t = topicOf(s, a);
  if (action === 'view') t.viewed = true;
  if (action === 'invite') Object.assign(t, { lastState: 'INVITATION', viewed: true });
  if (action === 'discard') Object.assign(t, { lastState: 'DISCARD', viewed: true });
  if (action === 'archive') t.archived = true;
  t.modified = now;
}

export function employerWrites(s: ServerState, vacancyId: number, text: string, now: number): void {
  const a = findApplication(s, { vacancyId });
  if (!a) throw new Error(`fake-hh: no application for vacancy ${vacancyId}`);
  const t = topicOf(s, a);
  const n = negState(s);
  t.messages.push({ id: n.nextMessageId++, participantId: EMPLOYER, text, creationTime: new Date(now).toISOString() });
  Object.assign(t, { hasNewMessages: true, viewed: true, modified: now });
}

export function chatSends(s: ServerState): ChatSend[] {
  return negState(s).sent;
}

const TAG: Record<string, [string, string]> = {
  notViewed: ['negotiations-item-not-viewed', 'Не&nbsp;просмотрен'],
  viewed: ['negotiations-item-viewed', 'Просмотрен'],
  invitation: ['negotiations-item-invitation', 'Приглашение'],
  discard: ['negotiations-item-discard', 'Отказ'],
  archived: ['negotiations-item-archived', 'Архив'],
};

function tagOf(t: Topic): [string, string] {
  if (t.lastState === 'INVITATION') return TAG.invitation!;
  if (t.lastState === 'DISCARD') return TAG.discard!;
  if (t.archived) return TAG.archived!;
  return t.viewed ? TAG.viewed! : TAG.notViewed!;
}

function dateLabel(now: number, t: number): string {
  const days = Math.floor((now - t) / 86_400_000);
  if (days <= 0) return 'сегодня';
  if (days === 1) return 'вчера';
  return `${days}&nbsp;${plural(days, 'день', 'дня', 'дней')} назад`;
}

const BTN =
  'magritte-button___Pubhr_7-1-6 magritte-button_mode-secondary___xYz4-_7-1-6 magritte-button_size-small___ZAmsS_7-1-6 magritte-button_stretched___-aXS6_7-1-6 magritte-button_style-accent___TE21J_7-1-6';

function card(ctx: PageContext, a: Application, v: Vacancy | undefined, t: Topic): string {
  const [qa, label] = tagOf(t);
  const open = t.lastState === 'RESPONSE' && !t.archived;
  return `<div data-qa="negotiations-item" tabindex="0" role="button" class="magritte-card___bhGKz_8-3-10 magritte-card-style-primary___eZ6aX_8-3-10 magritte-card-shadow-level-0___RNbQK_8-3-10 magritte-card-stretched___0Uc0J_8-3-10 magritte-card-press-enabled___kXfCl_8-3-10 magritte-border-default___eT8Lg_8-3-10" style="padding: 12px; border-radius: 24px;"><div class="container--njJ0KlAfNL4JmMfR"><header class="header--kcxHwFVLfs0s9PNP"><div class="toolbar--MXFJXMyyvzMsRNRg"><span class="magritte-checkbox-container___3QIIQ_4-1-6" data-qa="checkbox-container"><input data-qa="negotiations-item-checkbox" type="checkbox"></span><div class="magritte-tag___WdGxk_5-1-6 magritte-tag_style-neutral___cw1Bt_5-1-6 magritte-tag_size-medium___Splpy_5-1-6"><div class="magritte-tag__label___YHV-o_5-1-6"><span data-qa="negotiations-tag ${qa}">${label}</span></div></div>${t.hasNewMessages ? '<span class="fake-hh-new-message">•</span>' : ''}</div></header><section class="content--klExazjE5NQ1peRJ"><div class="magritte-text___pbpft_4-5-2 magritte-text_style-primary___AQ7MW_4-5-2 magritte-text_typography-subtitle-1-semibold___6uZ9I_4-5-2" style="-webkit-line-clamp: 2;"><span class="" data-qa="negotiations-item-vacancy">${esc(v?.name ?? `Вакансия ${a.vacancyId}`)}</span></div><div data-qa="negotiations-item-company" class="magritte-text___pbpft_4-5-2 magritte-text_style-primary___AQ7MW_4-5-2 magritte-text_typography-label-3-regular___Nhtlp_4-5-2"><span class="">${esc(v?.employer?.name ?? 'Компания скрыта')}</span></div><div data-qa="negotiations-item-date" class="magritte-text___pbpft_4-5-2 magritte-text_style-secondary___1IU11_4-5-2 magritte-text_typography-label-3-regular___Nhtlp_4-5-2"><span>${dateLabel(ctx.now, a.time)}</span></div>${v?.employer?.id ? `<a href="/employer/${v.employer.id}?hhtmFrom=negotiation_list"></a>` : ''}</section></div><div class="container--TMvHg3YEdfsHdXlw"><div class="buttons-container--w6Ybjp8JwX4ZihOA"><button class="${BTN}" type="button" data-qa="open_chat"><span class="magritte-button__label___zplmt_7-1-6">Перейти в&nbsp;чат</span></button><a class="${BTN}" tabindex="0" role="button" aria-disabled="false" data-qa="know-vacancy-responses-summary" href="/applicant-services/vacancy-summary/${a.topicId}?hhtmFrom=negotiation_list"><span class="magritte-button__label___zplmt_7-1-6">Смотреть статистику по&nbsp;вакансии</span></a>${open ? `<button class="${BTN}" type="button" data-qa="negotiations-decline"><span class="magritte-button__label___zplmt_7-1-6">Отказаться</span></button>` : ''}</div></div></div>`;
}

function topicState(a: Application, t: Topic): Record<string, unknown> {
  const created = new Date(a.time).toISOString();
  return {
    id: Number(a.topicId),
    chatId: Number(a.chatId),
    communicationContext: { chatData: { id: Number(a.chatId), type: 'NEGOTIATION', subtype: null } },
    initialState: 'RESPONSE',
    lastState: t.lastState,
    archived: t.archived,
    creationTime: created,
    creationTimeMillis: a.time,
    lastModified: new Date(t.modified).toISOString(),
    lastModifiedMillis: t.modified,
    hasResponseLetter: a.letter.trim() !== '',
    viewedByOpponent: t.viewed,
    hasNewMessages: t.hasNewMessages,
    conversationMessagesCount: t.messages.length,
    chatIsArchived: t.archived,
    vacancyId: a.vacancyId,
    responded: true,
    invited: t.lastState === 'INVITATION',
    discarded: t.lastState === 'DISCARD',
  };
}

const PER_PAGE = 20;

/** `/applicant/negotiations?filter=all&page=N`: newest first, 20 per page like hh. */
export function renderNegotiationsPage(ctx: PageContext, s: ServerState, byId: ReadonlyMap<number, Vacancy>): string {
  const page = Math.max(0, Number(new URLSearchParams(ctx.search).get('page') ?? 0) || 0);
  const all = [...s.applications].reverse();
  const items = all.slice(page * PER_PAGE, (page + 1) * PER_PAGE).map((a) => ({ a, t: topicOf(s, a) }));
  const cards = items.map(({ a, t }) => card(ctx, a, byId.get(a.vacancyId), t)).join('');
  const tabs = `<div role="tablist"><div data-qa="wrapper-tab_filter_all"><button aria-label="Все ${all.length}" type="button" role="tab" data-qa="tab_filter_all" aria-selected="true">Все <span data-qa="tab-postfix">${all.length}</span></button></div></div>`;
  const body = `<h1 data-qa="title">Отклики</h1><div data-qa="main-content">${tabs}${cards || '<p data-qa="negotiations-empty">Вы пока ни на что не откликнулись</p>'}</div>`;
  const state = {
    ...baseInitialState(ctx),
    applicantNegotiations: { topicList: items.map(({ a, t }) => topicState(a, t)), total: all.length, page },
  };
  return layout(ctx, { title: 'Отклики', body, state });
}

export type ChatikAnswer = { status: number; body: unknown };

/** chatik.hh.ru JSON API; null = not a chatik path. */
export function handleChatik(
  s: ServerState,
  req: {
    method: string;
    path: string;
    query: URLSearchParams;
    cookies: Record<string, string>;
    xsrfHeader: string | null;
    body: Buffer | null;
    now: number;
    loggedIn: boolean;
  },
): ChatikAnswer | null {
  if (!req.path.startsWith('/chatik/api/')) return null;
  if (!req.loggedIn) return { status: 401, body: { error: 'unauthorized' } };
  const route = req.path.slice('/chatik/api/'.length);
  if (req.method === 'GET' && route === 'chat_data') {
    const a = findApplication(s, { chatId: req.query.get('chatId') ?? '' });
    if (!a) return { status: 404, body: { error: 'chat-not-found' } };
    const t = topicOf(s, a);
    return {
      status: 200,
      body: {
        chat: {
          id: Number(a.chatId),
          type: 'NEGOTIATION',
          currentParticipantId: APPLICANT,
          messages: { items: t.messages, hasMore: false },
          resources: { NEGOTIATION_TOPIC: [a.topicId], VACANCY: [String(a.vacancyId)] },
        },
      },
    };
  }
  if (req.method === 'POST' && route === 'send') {
    if (!req.xsrfHeader || req.xsrfHeader !== s.xsrf || req.cookies._xsrf !== s.xsrf)
      return { status: 403, body: { error: 'xsrf' } };
    let parsed: { chatId: number; idempotencyKey: string; text: string };
    try {
      parsed = z
        .object({
          chatId: z.number().int(),
          idempotencyKey: z.string().min(1).max(200),
          text: z.string().min(1).max(4000),
        })
        .parse(JSON.parse(req.body?.toString('utf8') ?? ''));
    } catch {
      return { status: 400, body: { error: 'bad-request' } };
    }
    const a = findApplication(s, { chatId: String(parsed.chatId) });
    if (!a) return { status: 404, body: { error: 'chat-not-found' } };
    const n = negState(s);
    const t = topicOf(s, a);
    if (!n.sent.some((x) => x.idempotencyKey === parsed.idempotencyKey)) {
      n.sent.push({
        chatId: a.chatId,
        topicId: a.topicId,
        text: parsed.text,
        idempotencyKey: parsed.idempotencyKey,
        time: req.now,
      });
      t.messages.push({
        id: n.nextMessageId++,
        participantId: APPLICANT,
        text: parsed.text,
        creationTime: new Date(req.now).toISOString(),
      });
      Object.assign(t, { hasNewMessages: false, modified: req.now });
    }
    return { status: 200, body: { chatId: parsed.chatId, success: true } };
  }
  return { status: 404, body: { error: 'unknown chatik endpoint' } };
}

export const NegotiationControlSchema = z.object({
  vacancyId: z.number().int().optional(),
  topicId: z.string().optional(),
  action: z.enum(['view', 'invite', 'discard', 'archive']).optional(),
  message: z.string().min(1).max(4000).optional(),
});

/** `POST /__fake/negotiations` (demo, other processes). */
export function negotiationControl(s: ServerState, body: unknown, now: number): ChatikAnswer {
  const p = NegotiationControlSchema.safeParse(body);
  if (!p.success)
    return { status: 400, body: { error: 'expected {vacancyId|topicId, action?, message?}', issues: p.error.issues } };
  const a = findApplication(s, {
    ...(p.data.vacancyId !== undefined ? { vacancyId: p.data.vacancyId } : {}),
    ...(p.data.topicId ? { topicId: p.data.topicId } : {}),
  });
  if (!a) return { status: 404, body: { error: 'no such application' } };
  if (p.data.action) setNegotiation(s, a.vacancyId, p.data.action, now);
  if (p.data.message) employerWrites(s, a.vacancyId, p.data.message, now);
  return { status: 200, body: { topicId: a.topicId, ...topicState(a, topicOf(s, a)) } };
}

// ---------- /applicant/vacancy_response for a vacancy with employer questions ----------

/** Questions as employers write them (wording of the real 2026-05 questionnaire fixture). */
const QUESTIONS = [
  'Есть ли у тебя опыт коммерческой разработки на python? Сколько лет?',
  'Уточни, пожалуйста, свои зп ожидания и укажи контакт для связи (тг)',
  'Когда сможете выйти на работу?',
  'Какой твой опыт работы с linux?',
];

/**
 * The full-page apply form with the employer's questionnaire, in the markup of the real fixture
 * (apply/hh_vacancy_response_with_test_questions_2026-05.html): `task-body` › `task-question` + a textarea
 * named `task_<id>_text`, hidden uidPk/guid/startTime/testRequired. The apply endpoint checks the answers like hh
 * (every question answered, the form's uidPk) and records them (`Application.testAnswers`).
 */
/** The questionnaire of a vacancy with a test: its uidPk and its questions with their task ids (page and apply endpoint agree). */
export function questionnaireOf(v: Pick<Vacancy, 'id'>): {
  uidPk: number;
  tasks: Array<{ id: number; question: string }>;
} {
  const base = 349_160_535 + (v.id % 1000) * 10;
  return { uidPk: base, tasks: QUESTIONS.map((question, i) => ({ id: base + 1 + i, question })) };
}

export function renderQuestionnaire(ctx: PageContext, v: Vacancy): string {
  const { uidPk: base, tasks: qs } = questionnaireOf(v);
  const tasks = qs
    .map(
      ({ id, question }) =>
        `<div data-qa="task-body"><div class="magritte-text___pbpft_5-2-0 magritte-text_style-secondary___1IU11_5-2-0"><div class="g-user-content" data-qa="task-question">${esc(question)}</div></div><div data-qa="textarea-wrapper" data-interactive="true" class="magritte-textarea___ugvor_3-3-18"><div class="magritte-textarea-wrapper___yD7G6_3-3-18" data-qa="textarea-native-wrapper"><textarea name="task_${id}_text" type="textarea" rows="4" class="magritte-native-element___a0RAE_3-3-18"></textarea></div></div></div>`,
    )
    .join('');
  const body = `<div data-qa="main-content"><h1 data-qa="title">Отклик на вакансию «${esc(v.name)}»</h1><div data-qa="employer-asking-for-test">Работодатель просит ответить на несколько вопросов</div><form method="post" action="/applicant/vacancy_response/popup" data-qa="vacancy-response-form"><input type="hidden" name="_xsrf" value="${esc(ctx.xsrf)}"><input type="hidden" name="vacancy_id" value="${v.id}"><input type="hidden" name="uidPk" value="${base}"><input type="hidden" name="guid" value="CAB0D0D9-EB79-8D72-D49B-${String(v.id).padStart(12, '0')}"><input type="hidden" name="startTime" value="${Math.floor(ctx.now / 1000)}"><input type="hidden" name="testRequired" value="true">${tasks}<button type="submit" data-qa="vacancy-response-submit-popup">Откликнуться</button></form></div>`;
  return layout(ctx, {
    title: `Отклик на вакансию ${v.name}`,
    body,
    state: { ...baseInitialState(ctx), vacancyTests: { [v.id]: { uidPk: base, testRequired: true } } },
  });
}
