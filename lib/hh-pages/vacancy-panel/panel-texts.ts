/** Words of the vacancy-page panel (issue 7), in the page reader's language. */
import type { Lang } from '../../core/i18n/lang';

export const panelTexts = {
  ru: {
    have: 'Ваши навыки в вакансии',
    lack: 'Не хватает',
    noSkills: 'работодатель не перечислил ключевые навыки',
    warn: {
      applied: 'вы уже откликались',
      testRequired:
        'нужно ответить на вопросы работодателя: Otklik ответит из вашего банка ответов, если там есть все ответы, иначе отклик подождёт вас',
      letterRequired: 'нужно сопроводительное письмо: Otklik напишет его перед отправкой',
      rejectLikely: 'hh.ru: вероятно, будет отказ',
      noAuto:
        'работодатель не принимает автоматические отклики: отклик уйдёт только после вашего подтверждения в Otklik',
    },
    employerWarn: 'hh.ru предупреждает о работодателе',
    write: 'Написать письмо',
    stop: 'Остановить',
    writing: 'Пишу письмо…',
    queueLetter: 'В очередь с письмом',
    queuedLetter: 'В очереди с письмом',
    hide: 'Скрыть работодателя',
    hidden: 'Работодатель скрыт',
    letterPlaceholder: 'Здесь появится письмо; его можно править перед отправкой',
    problems: (p: string) => `Проверьте: ${p}`,
    asks: (a: string) => `Работодатель просит: ${a}`,
    failed: (e: string) => `Не удалось: ${e}`,
  },
  en: {
    have: 'Your skills it asks for',
    lack: 'Missing',
    noSkills: 'the employer lists no key skills',
    warn: {
      applied: 'you have applied already',
      testRequired:
        "the employer's questions must be answered: Otklik answers them from your answer bank when it has every answer, else the application waits for you",
      letterRequired: 'a cover letter is required: Otklik writes one before sending',
      rejectLikely: 'hh.ru: a rejection is likely',
      noAuto: 'the employer does not accept automatic applications: it is sent only after you confirm it in Otklik',
    },
    employerWarn: 'hh.ru warns about this employer',
    write: 'Write a letter',
    stop: 'Stop',
    writing: 'Writing the letter…',
    queueLetter: 'Queue with letter',
    queuedLetter: 'Queued with letter',
    hide: 'Hide this employer',
    hidden: 'Employer hidden',
    letterPlaceholder: 'The letter appears here; edit it before it is sent',
    problems: (p: string) => `Check: ${p}`,
    asks: (a: string) => `The employer asks: ${a}`,
    failed: (e: string) => `Failed: ${e}`,
  },
} satisfies Record<Lang, unknown>;

export const PANEL_CSS = `
:host { all: initial; display: block; margin: 0 0 10px 0; max-width: 760px; font: 13px/1.45 -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #303338; }
.p { display: flex; flex-direction: column; gap: 6px; padding: 8px 12px; border-radius: 12px; background: #f6f8fb; }
.w { display: flex; flex-wrap: wrap; gap: 4px; } .w:empty { display: none; }
.w span { padding: 1px 8px; border-radius: 10px; background: #fdecc8; color: #7a4b00; }
.w span[data-warn="rejectLikely"], .w span[data-warn="applied"] { background: #fde8e7; color: #b42318; }
.e { padding: 6px 10px; border-radius: 10px; background: #fde8e7; color: #8a1c12; border-left: 3px solid #b42318; } .e:empty { display: none; }
.e b { font-weight: 600; } .e ul { margin: 2px 0 0 0; padding-left: 18px; }
.k b { font-weight: 600; } .k .m { color: #b42318; } .k .h { color: #1a7f43; }
.a { display: flex; flex-wrap: wrap; gap: 6px; }
button { all: unset; cursor: pointer; padding: 2px 10px; border-radius: 10px; background: #2f5bd3; color: #fff; font-weight: 600; }
button.s { background: #e3e6ec; color: #303338; font-weight: 500; }
button[disabled] { opacity: .55; cursor: default; }
button:focus-visible { outline: 2px solid #2f5bd3; outline-offset: 2px; }
textarea { box-sizing: border-box; width: 100%; min-height: 140px; padding: 8px; border: 1px solid #c9ced6; border-radius: 8px; font: inherit; resize: vertical; background: #fff; color: inherit; }
textarea[hidden] { display: none; }
.n { color: #5b6270; } .n:empty { display: none; } .n.e { color: #b42318; }
`;
