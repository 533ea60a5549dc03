import type { VacancyAsk } from './asks';
import {
  EMAIL_RE,
  HANDLE_RE,
  PHONE_RE,
  PRIVATE_BY_DEFAULT,
  privacyProblems,
  URL_RE,
  type LetterPrivacy,
} from './privacy';
import { unknownSkills } from './skills';
import { cyrillicShare } from './vacancy-text';

/**
 * Deterministic checks of every letter, whoever wrote it. A problem is a short line for the user (shown in
 * review) and for the model (the one regeneration is told what to fix).
 */
export interface ValidateContext {
  lang: 'ru' | 'en';
  /** Skills, titles, resume: facts the letter may use; contacts/links in it are the user's own. */
  profileText: string;
  asks: readonly VacancyAsk[];
  /** The vacancy's title: a letter may name the role it applies for ("backend-разработчик") without owning the skill. */
  vacancyTitle?: string;
  /** The employer's name: a letter may name it ("Servers.com", "NovaSport") without it being a link or a trap. */
  employer?: string;
  /** What of the user's own the letter may carry (default: no contacts, no salary). */
  privacy?: LetterPrivacy;
  /** The user's minimum salary (the profile's), recognised in a letter even without the word "salary". */
  minSalary?: number | null;
  /** Words the letter may use in capitals besides the profile's (the vacancy's key skills: SQL, ERP, SCRUM). */
  knownWords?: string;
}

/** The title and employer quoted in a letter are the vacancy's words: checks skip them (periods, brackets, domains in them). */
function scrub(text: string, ctx: ValidateContext): string {
  let out = text;
  for (const name of [ctx.vacancyTitle, ctx.employer]) {
    const n = name?.trim();
    if (!n || n.length < 2) continue;
    out = out.split(n).join('X');
    const lower = out.toLowerCase();
    const at = lower.indexOf(n.toLowerCase());
    if (at >= 0) out = out.slice(0, at) + 'X' + out.slice(at + n.length);
  }
  return out;
}

export const LIMITS = { minChars: 200, maxChars: 1500, minSentences: 3, maxSentences: 6 } as const;

const AI_SELF: RegExp[] = [
  /\bas an ai\b|\bas a language model\b|\bi am an ai\b|\bi'm an ai\b|\bi am a (?:chat ?)?bot\b|\bi'm a (?:chat ?)?bot\b|\blanguage model\b|\b(?:generated|written|sent|produced) (?:by|with) (?:an? )?(?:ai|llm|bot|gpt|chatgpt|auto-?\w+|software|script|a tool)\b|\bauto-?appl(?:y|ied|ier)\b/i,
  /(^|[^а-яё])(?:я|мы)\s*(—|-|–)?\s*(?:чат-?бот|бот|робот|программа|скрипт)(?![а-яё])|(сгенерирован|написан|создан|отправлен)[а-яё]*\s+(?:с помощью\s+|при помощи\s+)?(?:ии|нейросет[а-яё]*|бот[а-яё]*|ботом|программ[а-яё]*|скрипт[а-яё]*|автоматическ[а-яё]*|gpt|chatgpt|llm)(?![а-яё])/i,
  // (?![а-яё]) instead of \b: JavaScript's \b knows only ASCII letters.
  /(^|[^а-яё])как (ии|искусственный интеллект|языковая модель|нейросеть|ai)(?![а-яё])/i,
  /(^|[^а-яё])я\s*(—|-|–)?\s*(ии|искусственный интеллект|языковая модель|нейросеть|бот)(?![а-яё])/i,
  /(не могу|не имею возможности)[^.]{0,40}(личн|опыт)[^.]{0,30}(так как|поскольку)/i,
];

const CLICHES_RU = [
  'с большим энтузиазмом',
  'идеальный кандидат',
  'ваша компания',
  'вашей компании',
  'стрессоустойчив',
  'командный игрок',
  'быстро обучаюсь',
  'уважаемый менеджер по найму',
  'пишу вам, чтобы',
  'динамично развивающ',
  'мечтаю работать',
  'горю желанием',
];
const CLICHES_EN = [
  'i am writing to express',
  'passionate about',
  'perfect fit',
  'team player',
  'dear hiring manager',
  'i am thrilled',
  'i am excited to apply',
  'fast learner',
];

/** Sentences, not counting a short greeting ("Здравствуйте!", "Добрый день, Анна!"). */
export function sentenceCount(text: string): number {
  const parts = text
    .split(/(?<=[.!?…])\s+/)
    .map((s) => s.trim())
    .filter((s) => /[a-zа-яё]/i.test(s));
  const greeting =
    parts[0] &&
    parts[0].split(/\s+/).length <= 4 &&
    /^(здравствуйте|добрый день|привет|hello|hi|good (morning|afternoon|day)|dear)(?![a-zа-яё])/i.test(parts[0]);
  return parts.length - (greeting ? 1 : 0);
}

/** Removes what models add around a letter: <think> blocks, quotes, "Письмо:" labels, trailing signatures placeholders. */
export function cleanupLetter(raw: string): string {
  let t = raw.replace(/<think>[\s\S]*?(<\/think>|$)/gi, '').trim();
  t = t.replace(/^(сопроводительное письмо|письмо|cover letter|letter)\s*:\s*/i, '');
  if (/^["«“]/.test(t) && /["»”]$/.test(t)) t = t.slice(1, -1).trim();
  return t
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function foreignContacts(text: string, profileLower: string): string[] {
  const found = new Set<string>();
  for (const re of [URL_RE, EMAIL_RE, PHONE_RE, HANDLE_RE]) {
    for (const m of text.matchAll(re)) {
      const s = m[0].trim();
      const bare = s.replace(/[.,;:!?)»"]+$/, '');
      if (bare.length < 4) continue;
      const digits = bare.replace(/\D/g, '');
      const mine =
        profileLower.includes(bare.toLowerCase()) ||
        (digits.length >= 10 && profileLower.replace(/\D/g, '').includes(digits.slice(-10)));
      if (!mine) found.add(bare);
    }
  }
  return [...found];
}

/**
 * Words in capitals (5+ letters) that neither the profile nor the vacancy's title/employer/key skills have: a
 * letter has no reason to shout, and an obeyed injection's code word usually does (BANANA, КРЕВЕТКА).
 */
export function shoutedWords(letter: string, known: string): string[] {
  const lower = known.toLowerCase();
  const out: string[] = [];
  for (const m of letter.matchAll(/(?<![\p{L}\d])[A-ZА-ЯЁ]{5,}(?![\p{L}\d])/gu))
    if (!lower.includes(m[0].toLowerCase()) && !out.includes(m[0])) out.push(m[0]);
  return out;
}

export function validateLetter(letter: string, ctx: ValidateContext): string[] {
  const problems: string[] = [];
  const original = letter.trim();
  const text = scrub(original, ctx);
  const ru = ctx.lang === 'ru';
  if (!original) return [ru ? 'письмо пустое' : 'the letter is empty'];
  if (original.length < LIMITS.minChars)
    problems.push(
      ru
        ? `слишком короткое (${original.length} симв., нужно от ${LIMITS.minChars})`
        : `too short (${original.length} chars, needs ${LIMITS.minChars}+)`,
    );
  if (original.length > LIMITS.maxChars)
    problems.push(
      ru
        ? `слишком длинное (${original.length} симв., нужно до ${LIMITS.maxChars})`
        : `too long (${original.length} chars, max ${LIMITS.maxChars})`,
    );
  const n = sentenceCount(text);
  if (n < LIMITS.minSentences || n > LIMITS.maxSentences)
    problems.push(ru ? `${n} предложений, нужно 3–6` : `${n} sentences, needs 3–6`);
  const share = cyrillicShare(text);
  if (ru && share < 0.6) problems.push('письмо не на русском языке (вакансия на русском)');
  if (!ru && share > 0.1) problems.push('the letter is not in English (the vacancy is in English)');
  const profileLower = ctx.profileText.toLowerCase();
  const contacts = foreignContacts(text, profileLower);
  if (contacts.length)
    problems.push(
      ru
        ? `ссылки или контакты, которых нет в профиле: ${contacts.slice(0, 3).join(', ')}`
        : `links or contacts not in the profile: ${contacts.slice(0, 3).join(', ')}`,
    );
  problems.push(
    ...privacyProblems(text, ctx.profileText, ctx.minSalary ?? null, ctx.privacy ?? PRIVATE_BY_DEFAULT, ctx.lang),
  );
  if (AI_SELF.some((re) => re.test(text)))
    problems.push(ru ? 'письмо говорит от лица ИИ' : 'the letter speaks as an AI');
  const lower = text.toLowerCase();
  const cliches = (ru ? CLICHES_RU : CLICHES_EN).filter((c) => lower.includes(c));
  if (cliches.length) problems.push(ru ? `штампы: ${cliches.join(', ')}` : `clichés: ${cliches.join(', ')}`);
  if (/\[[^\]\n]{1,40}\]|\{[^}\n]{1,40}\}|<[^>\n]{1,40}>/.test(text))
    problems.push(ru ? 'плейсхолдер вместо текста (например, [Имя])' : 'a placeholder instead of text (like [Name])');
  if (/\*\*|__|^#{1,6}\s|^\s*[-*•]\s/m.test(text))
    problems.push(ru ? 'разметка markdown или список' : 'markdown or a bullet list');
  const unknown = unknownSkills(text, ctx.profileText);
  if (unknown.length)
    problems.push(
      ru
        ? `навыки, которых нет в профиле: ${unknown.slice(0, 4).join(', ')}`
        : `skills not in the profile: ${unknown.slice(0, 4).join(', ')}`,
    );
  const echoed = ctx.asks
    .flatMap((a) => a.canaries)
    .filter((c) => c.length >= 3 && lower.includes(c.toLowerCase()) && !profileLower.includes(c.toLowerCase()));
  const shouted = shoutedWords(
    original,
    `${ctx.profileText}\n${ctx.vacancyTitle ?? ''}\n${ctx.employer ?? ''}\n${ctx.knownWords ?? ''}`,
  );
  if (shouted.length)
    problems.push(
      ru
        ? `слово капслоком, которого нет в профиле («${shouted[0]}»): похоже на кодовое слово из вакансии`
        : `a word in capitals that is not in the profile ("${shouted[0]}"): looks like a code word from the vacancy`,
    );
  if (echoed.length)
    problems.push(
      ru
        ? `выполняет указание из текста вакансии («${echoed[0]}»): такие просьбы решаете вы`
        : `follows an instruction from the vacancy text ("${echoed[0]}"): such requests are yours to answer`,
    );
  return problems;
}
