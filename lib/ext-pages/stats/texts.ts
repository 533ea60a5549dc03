/** Statistics strings, Russian and English. */
import { plural, type Lang } from '../../core/i18n/lang';

const ru = {
  perDay: 'Отклики по дням, последние 14 дней',
  applied: 'отправлено',
  needsUser: 'нужны вы',
  failed: 'не удалось',
  waiting: 'в очереди',
  outcomes: 'Итоги',
  empty: 'Пока ни одного отклика: статистика появится, когда очередь начнёт отправлять.',
  dayLabel: (date: string, a: number, n: number, f: number) =>
    `${date}: отправлено ${a}, нужны вы ${n}, не удалось ${f}`,
  summary: (a: number) => `${a} ${plural(a, 'отклик', 'отклика', 'откликов')} за 14 дней`,
};
const en: typeof ru = {
  perDay: 'Applications per day, last 14 days',
  applied: 'applied',
  needsUser: 'needs you',
  failed: 'failed',
  waiting: 'waiting',
  outcomes: 'Outcomes',
  empty: 'No applications yet: statistics appear once the queue starts sending.',
  dayLabel: (date, a, n, f) => `${date}: applied ${a}, needs you ${n}, failed ${f}`,
  summary: (a) => `${a} ${a === 1 ? 'application' : 'applications'} in 14 days`,
};
export const statsTexts: Record<Lang, typeof ru> = { ru, en };
