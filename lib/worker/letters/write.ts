import { describeAsk, type VacancyAsk } from './asks';
import { fixMessages, prepareLetter, type LetterInput, type PreparedLetter } from './prompt';
import { isAbort, ProviderError, type LetterProvider } from './provider';
import { createTemplateProvider } from './template';
import { cleanupLetter, validateLetter, type ValidateContext } from './validate';

/**
 * One letter, start to end: prompt → provider (streaming) → cleanup → validation → one regeneration told what
 * to fix → still failing: the letter is kept with its problems for the user. A provider that fails (key,
 * network, no WebGPU…) is replaced by the template, and the outcome says why.
 */
export interface WriteOptions {
  provider: LetterProvider;
  /** Custom template text for the fallback ('' = built-in). */
  template?: string;
  onDelta?: (text: string) => void;
  onReset?: (reason: string) => void;
  onProgress?: (text: string, fraction?: number) => void;
  signal?: AbortSignal;
  random?: () => number;
  maxTokens?: number;
  temperature?: number;
}

export interface WriteResult {
  letter: string;
  /** Problems left after the regeneration ([] = passed). */
  problems: string[];
  asks: VacancyAsk[];
  /** For the user, in the vacancy's language. */
  askLines: string[];
  /** Provider that wrote the final letter. */
  provider: string;
  /** Set when the chosen provider failed and the template stood in: the provider's error (what to do). */
  fallbackReason: string | null;
  attempts: number;
  lang: 'ru' | 'en';
  skills: string[];
}

/** What the validator needs to know about this letter's vacancy and user. */
export function letterChecks(prep: PreparedLetter, input: LetterInput): ValidateContext {
  return {
    lang: prep.lang,
    profileText: prep.profileText,
    asks: prep.asks,
    vacancyTitle: input.vacancy.title,
    ...(input.vacancy.employer ? { employer: input.vacancy.employer.name } : {}),
    privacy: prep.privacy,
    minSalary: input.profile.minSalary,
    knownWords: prep.keySkills.join(', '),
  };
}

export async function writeLetter(input: LetterInput, o: WriteOptions): Promise<WriteResult> {
  const prep = prepareLetter(input, o.random);
  const base = {
    asks: prep.asks,
    askLines: prep.asks.map((a) => describeAsk(a, prep.lang)),
    lang: prep.lang,
    skills: prep.skills,
  };
  const ctx = letterChecks(prep, input);
  const run = (p: LetterProvider, messages: PreparedLetter['messages']) =>
    p.complete({
      messages,
      maxTokens: o.maxTokens ?? 600,
      temperature: o.temperature ?? 0.6,
      ...(o.onDelta ? { onDelta: o.onDelta } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    });

  const template = createTemplateProvider(() => input, o.template ?? '');
  const fallback = async (reason: string, attempts: number): Promise<WriteResult> => {
    o.onReset?.(reason);
    const letter = cleanupLetter(await run(template, prep.messages));
    return {
      ...base,
      letter,
      problems: validateLetter(letter, ctx),
      provider: 'template',
      fallbackReason: reason,
      attempts,
    };
  };

  let first: string;
  try {
    first = cleanupLetter(await run(o.provider, prep.messages));
  } catch (e) {
    if (isAbort(e) || o.signal?.aborted) throw new ProviderError('cancelled', 'cancelled');
    if (o.provider.id === 'template') throw e;
    return fallback(e instanceof Error ? e.message : String(e), 1);
  }
  const problems = validateLetter(first, ctx);
  if (!problems.length || o.provider.id === 'template')
    return { ...base, letter: first, problems, provider: o.provider.id, fallbackReason: null, attempts: 1 };

  o.onReset?.(problems.join('; '));
  o.onProgress?.(
    prep.lang === 'ru' ? 'Письмо не прошло проверку, пишу заново…' : 'The letter failed a check, writing it again…',
  );
  let second: string;
  try {
    second = cleanupLetter(await run(o.provider, fixMessages(prep, first, problems)));
  } catch (e) {
    if (isAbort(e) || o.signal?.aborted) throw new ProviderError('cancelled', 'cancelled');
    // The first letter exists: keep it with its problems rather than switch writers mid-way.
    return { ...base, letter: first, problems, provider: o.provider.id, fallbackReason: null, attempts: 2 };
  }
  const again = validateLetter(second, ctx);
  // Left for the user: the attempt with fewer problems.
  const keepFirst = again.length > problems.length;
  return {
    ...base,
    letter: keepFirst ? first : second,
    problems: keepFirst ? problems : again,
    provider: o.provider.id,
    fallbackReason: null,
    attempts: 2,
  };
}
