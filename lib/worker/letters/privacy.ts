/**
 * The user's own contacts and salary in letters. A vacancy can ask the model to "include your phone and
 * expected salary"; an obeying model would leak what the user never meant to send with every application.
 * Unless the user allows it (settings.letters.allowContacts / allowSalary, both off by default):
 *  - the model never sees them: contacts are cut from the resume text of the prompt, salary lines too;
 *  - a letter that carries them anyway (a model that guessed or remembered them) fails its checks.
 * Contacts that are not the user's (an attacker's link or number) always fail, allowed or not (./validate.ts).
 */
export interface LetterPrivacy {
  contacts: boolean;
  salary: boolean;
}

export const PRIVATE_BY_DEFAULT: LetterPrivacy = { contacts: false, salary: false };

export const URL_RE =
  /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:ru|com|org|net|io|dev|me|рф|su|by|kz|uz|app|ai|pro|site|online|tech|info|xyz|co)(?:\/\S*)?\b/gi;
export const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
export const PHONE_RE = /(?:\+7|\b8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}\b|\+\d[\d\s()-]{8,}\d/g;
export const HANDLE_RE = /(?:^|[\s(])@[a-z0-9_]{4,}\b|t\.me\/\S+/gi;

/** Every contact-looking token in a text (links, e-mails, phones, @handles). */
export function contactTokens(text: string): string[] {
  const found = new Set<string>();
  for (const re of [EMAIL_RE, URL_RE, PHONE_RE, HANDLE_RE]) {
    for (const m of text.matchAll(re)) {
      const bare = m[0]
        .trim()
        .replace(/^\(/, '')
        .replace(/[.,;:!?)»"]+$/, '');
      if (bare.length >= 4) found.add(bare);
    }
  }
  return [...found];
}

const SALARY_WORD =
  /зарплат|заработн|оклад|вознагражден|з\/п|(?<![а-я])зп(?![а-я])|на руки|доход[а-я]* (?:от|не ниже|в районе)|ожидани[а-я]* по (?:доход|оплат|зарплат)|финансов[а-я]* ожидани|\bsalary\b|\bcompensation\b|\bpay expectations\b|\bexpected (?:pay|income|rate)\b/i;
const NUMBER = /\d[\d\s.,]*\d|\d/;

function salaryForms(amount: number): string[] {
  const k = amount / 1000;
  const whole = String(Math.round(amount));
  const spaced = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const forms = [
    whole,
    spaced,
    whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','),
    whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.'),
  ];
  if (Number.isInteger(k)) forms.push(`${k}к`, `${k} к`, `${k}k`, `${k} k`, `${k} тыс`, `${k}тыс`);
  return forms;
}

/** Sentences of a letter that name a salary: a salary word with a number, or the user's own minimum salary. */
export function salaryMentions(text: string, minSalary: number | null): string[] {
  const out: string[] = [];
  const flat = text.replace(/\u00A0/g, ' ');
  for (const s of flat.split(/(?<=[.!?])\s+|\n+/)) {
    if (SALARY_WORD.test(s) && NUMBER.test(s)) out.push(s.trim());
    else if (minSalary && minSalary >= 1000 && salaryForms(minSalary).some((f) => s.toLowerCase().includes(f)))
      out.push(s.trim());
  }
  return out;
}

/** Text of the profile as the model may see it: contacts and salary lines cut unless allowed. */
export function redactProfileText(text: string, allow: LetterPrivacy): string {
  let out = text;
  if (!allow.contacts) for (const c of contactTokens(out)) out = out.split(c).join('');
  if (!allow.salary)
    out = out
      .split('\n')
      .map((line) =>
        line
          .split(/(?<=[.!?])\s+/)
          .filter((s) => !(SALARY_WORD.test(s) && NUMBER.test(s)))
          .join(' '),
      )
      .join('\n');
  // Labels left without their value ("Телефон: ."), then empty lines.
  return out
    .replace(
      /(?:тел\.?|телефон|e-?mail|почта|telegram|телеграм|tg|тг|github|код|ссылка|contacts?|контакты)\s*[:：]\s*[,;.]?\s*(?=[,;.]?\s*(?:\n|$|[А-ЯA-Z]))/gim,
      '',
    )
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\n\s*\n/g, '\n')
    .trim();
}

/** Problems of a letter about the user's own contacts and salary (contacts of others are ./validate.ts's business). */
export function privacyProblems(
  letter: string,
  profileText: string,
  minSalary: number | null,
  allow: LetterPrivacy,
  lang: 'ru' | 'en',
): string[] {
  const problems: string[] = [];
  const profileLower = profileText.toLowerCase();
  const profileDigits = profileText.replace(/\D/g, '');
  if (!allow.contacts) {
    const own = contactTokens(letter).filter((c) => {
      const digits = c.replace(/\D/g, '');
      return (
        profileLower.includes(c.toLowerCase()) || (digits.length >= 10 && profileDigits.includes(digits.slice(-10)))
      );
    });
    if (own.length)
      problems.push(
        lang === 'ru'
          ? `письмо содержит ваши контакты (${own.slice(0, 3).join(', ')}): в настройках писем это выключено`
          : `the letter carries your contacts (${own.slice(0, 3).join(', ')}): letters settings do not allow it`,
      );
  }
  if (!allow.salary) {
    const s = salaryMentions(letter, minSalary);
    if (s.length)
      problems.push(
        lang === 'ru'
          ? `письмо называет зарплату («${s[0]!.slice(0, 80)}»): в настройках писем это выключено`
          : `the letter states a salary ("${s[0]!.slice(0, 80)}"): letters settings do not allow it`,
      );
  }
  return problems;
}
