/** The few words Otklik writes into hh.ru pages, in the page reader's language. */
import { pickLang, plural, type Lang } from '../../core/i18n/lang';

export { pickLang, type Lang };

export const texts = {
  ru: {
    summary: (hidden: number, dimmed: number, total: number) =>
      `Otklik скрыл ${hidden} из ${total} ${plural(total, 'вакансии', 'вакансий', 'вакансий')}` +
      (dimmed ? ` · приглушил ${dimmed}` : ''),
    nothingHidden: (total: number) =>
      `Otklik проверил ${total} ${plural(total, 'вакансию', 'вакансии', 'вакансий')}: все подходят`,
    showAll: 'показать все',
    hideAgain: 'скрыть снова',
    unrecognised: (n: number) => `${n} ${plural(n, 'карточку', 'карточки', 'карточек')} не удалось разобрать`,
    score: 'Соответствие',
    setupProfile: 'заполнить профиль',
    queue: 'В очередь',
    feedbackRelevant: 'Подходит: показывать такие выше',
    feedbackNot: 'Не для меня: скрывать такие',
    /** "Why?" and the five reasons of lib/listing/triage/badge.ts WHY. */
    why: ['Почему?', 'роль', 'уровень', 'зарплата', 'работодатель', 'место'],
    queueState: {
      pending: 'в очереди',
      processing: 'отправляется',
      review: 'ждёт проверки',
      applied: 'отклик отправлен',
      needs_user: 'нужны вы',
      skipped: 'пропущено',
      failed: 'не удалось',
      hh_applied: 'вы откликались',
    } as Record<string, string>, // a cancelled job shows the plain queue button (controller, vacancy panel)
    queueAll: (n: number) => `в очередь подходящие: ${n}`,
    bulkNoAuto: (n: number) => `вручную: ${n} (без автооткликов)`,
    queueNoAutoConfirm: 'подтвердите отклик',
    noAutoTitle:
      'Работодатель не принимает автоматические отклики: Otklik добавит вакансию только после вашего подтверждения',
    responses: (n: number) => `${n} ${plural(n, 'отклик', 'отклика', 'откликов')}`,
    noAuto: 'без автооткликов',
    letterRequired: 'нужно письмо',
    testRequired: 'есть вопросы',
    queueConfirm: (n: number) => `подтвердите: ${n} ${plural(n, 'отклик', 'отклика', 'откликов')}`,
    queued: (n: number) => `добавлено в очередь: ${n}`,
    queueFailed: (e: string) => `очередь: ${e}`,
    setupNeeded: (total: number) =>
      `Otklik может отсеять лишнее среди ${total} ${plural(total, 'вакансии', 'вакансий', 'вакансий')}, когда узнает, что вы ищете`,
  },
  en: {
    summary: (hidden: number, dimmed: number, total: number) =>
      `Otklik hid ${hidden} of ${total} ${total === 1 ? 'vacancy' : 'vacancies'}` +
      (dimmed ? ` · dimmed ${dimmed}` : ''),
    nothingHidden: (total: number) =>
      `Otklik checked ${total} ${total === 1 ? 'vacancy' : 'vacancies'}: all look relevant`,
    showAll: 'show all',
    hideAgain: 'hide again',
    unrecognised: (n: number) => `${n} ${n === 1 ? 'card' : 'cards'} not recognised`,
    score: 'Match',
    setupProfile: 'set up your profile',
    queue: 'Queue',
    feedbackRelevant: 'Relevant: rank such vacancies higher',
    feedbackNot: 'Not for me: hide such vacancies',
    why: ['Why?', 'role', 'level', 'salary', 'employer', 'location'],
    queueState: {
      pending: 'queued',
      processing: 'sending',
      review: 'awaits review',
      applied: 'applied',
      needs_user: 'needs you',
      skipped: 'skipped',
      failed: 'failed',
      hh_applied: 'you applied',
    } as Record<string, string>, // a cancelled job shows the plain queue button (controller, vacancy panel)
    queueAll: (n: number) => `queue matching: ${n}`,
    bulkNoAuto: (n: number) => `by hand: ${n} (no auto-apply)`,
    queueNoAutoConfirm: 'confirm',
    noAutoTitle: 'The employer refuses automatic applications: Otklik queues it only once you confirm',
    responses: (n: number) => `${n} ${n === 1 ? 'applicant' : 'applicants'}`,
    noAuto: 'no auto-apply',
    letterRequired: 'letter required',
    testRequired: 'has questions',
    queueConfirm: (n: number) => `confirm: ${n} ${n === 1 ? 'application' : 'applications'}`,
    queued: (n: number) => `queued: ${n}`,
    queueFailed: (e: string) => `queue: ${e}`,
    setupNeeded: (total: number) =>
      `Otklik can sort out these ${total} ${total === 1 ? 'vacancy' : 'vacancies'} once it knows what you are looking for`,
  },
} satisfies Record<Lang, unknown>;
