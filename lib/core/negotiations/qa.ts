import type { QaItem, QaKind } from './settings';

/**
 * The Q&A bank: the user's answers, written once, matched to the questions employers ask (the apply
 * questionnaire, a chat message). A question may touch several kinds ("your salary expectations and a contact
 * for Telegram") — every matching answer is used, in the order the question asks. A question nothing matches
 * stays for the user: we never guess an answer.
 */

/** How each built-in kind is asked (JS `\b` is ASCII-only, so Cyrillic words are bounded by lookarounds) (Russian and English wording seen in questionnaires and chats). */
const KIND_PATTERNS: Record<Exclude<QaKind, 'custom'>, RegExp> = {
  salary:
    /зарплат|заработн|оклад|доход|(?<![а-яa-z])зп(?![а-яa-z])|з\/п|вознагражден|компенсац|ожидани[яеий]\s+по\s+(?:оплат|деньг|з)|salary|compensation|expected pay|rate expectations/,
  notice:
    /выйти на работу|приступить|приступ|уведомлени|отработк|через сколько|когда (?:вы )?(?:сможете|готовы|можете) (?:выйти|начать)|дата выхода|notice period|start date|when can you start/,
  relocation: /переезд|переехать|релокац|relocat/,
  workFormat: /удал[её]нн|удаленк|офис|гибрид|формат работы|remote|on-?site|hybrid|from the office/,
  experience: /сколько лет (?:у вас )?опыт|общий опыт|стаж|years of experience|how many years/,
  contacts: /телеграм|telegram|(?<![а-яa-z])тг(?![а-яa-z])|контакт|телефон|номер для связи|связаться|e-?mail|почт[уы]/,
};

export function normalizeQuestion(q: string): string {
  return q
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

function phrases(pattern: string): string[] {
  return pattern
    .split(/[,|;\n]/)
    .map((p) => normalizeQuestion(p))
    .filter((p) => p.length >= 2);
}

/** Where in the question the item matches (for ordering), or -1. */
function matchAt(q: string, item: QaItem): number {
  let best = -1;
  const take = (i: number) => {
    if (i >= 0 && (best < 0 || i < best)) best = i;
  };
  for (const p of phrases(item.pattern)) take(q.indexOf(p));
  if (item.kind !== 'custom') take(q.search(KIND_PATTERNS[item.kind]));
  return best;
}

export interface QaMatch {
  answer: string;
  /** The bank items used, in question order. */
  items: QaItem[];
}

/** The answer for a question from the bank, or null when nothing in the bank fits. */
export function answerFor(question: string, bank: readonly QaItem[]): QaMatch | null {
  const q = normalizeQuestion(question);
  if (!q) return null;
  const hits = bank
    .filter((it) => it.answer.trim())
    .map((it) => ({ it, at: matchAt(q, it) }))
    .filter((h) => h.at >= 0);
  if (!hits.length) return null;
  // A custom item that names the question's own words beats a built-in kind at the same place.
  hits.sort((a, b) => a.at - b.at || Number(a.it.kind !== 'custom') - Number(b.it.kind !== 'custom'));
  const items: QaItem[] = [];
  const answers: string[] = [];
  for (const { it } of hits) {
    const a = it.answer.trim();
    if (answers.includes(a)) continue;
    items.push(it);
    answers.push(a);
  }
  return { answer: answers.join('; '), items };
}

export interface Prefill<Q> {
  question: Q;
  answer: string | null;
}

/** Answers for a questionnaire; `unknown` counts what the user still has to answer themselves. */
export function prefillAnswers<Q extends { question: string }>(
  questions: readonly Q[],
  bank: readonly QaItem[],
): { answers: Prefill<Q>[]; unknown: number } {
  const answers = questions.map((question) => ({
    question,
    answer: answerFor(question.question, bank)?.answer ?? null,
  }));
  return { answers, unknown: answers.filter((a) => a.answer === null).length };
}
