/**
 * Text → concepts. A token is stemmed once (cached), mapped to a dictionary concept, a seniority cue, a stop
 * word or kept as its own stem ("unknown" concept). Phrases ("data engineer", "машинное обучение") add their
 * concept and mark their parts as absorbed.
 */
import { normalizeText, tokenize, tokenizeTitle } from './normalize';
import { isAssistantCue, isHeadCue, seniorityCue } from './seniority';
import { stemWord } from './stem';
import { CONCEPT_KIND, type ConceptKind, conceptOf, phraseAt } from './synonyms';

/** 'u' = unknown word (its stem is the concept), 'n' = number. */
export type Kind = ConceptKind | 'u' | 'n';

export interface TokenInfo {
  stem: string;
  /** concept id ('' for stop words and seniority cues) */
  c: string;
  kind: Kind;
  /** seniority level, -1 if none */
  level: number;
}

const CACHE_MAX = 200_000;
const cache = new Map<string, TokenInfo>();

export function tokenInfo(token: string): TokenInfo {
  let info = cache.get(token);
  if (info) return info;
  const stem = stemWord(token);
  const level = seniorityCue(stem);
  if (level !== undefined) info = { stem, c: '', kind: 's', level };
  else {
    const ci = conceptOf(stem);
    if (ci) info = { stem, c: ci.id, kind: ci.kind, level: -1 };
    else if (/^\d+$/.test(token)) info = { stem, c: '', kind: 'n', level: -1 };
    else if (stem.length < 2) info = { stem, c: '', kind: 's', level: -1 };
    else info = { stem, c: stem, kind: 'u', level: -1 };
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(token, info);
  return info;
}

export interface TitleItem {
  c: string;
  /** the words as written (normalised) */
  s: string;
  kind: Kind;
  /** position weight: 1 in the head part of the title, less in brackets / after a comma or "в/for" */
  w: number;
  main: boolean;
  /** part of a recognised phrase */
  absorbed: boolean;
}
export interface AnalyzedTitle {
  items: TitleItem[];
  /** seniority cue levels found in the title */
  levels: number[];
  /** main-part cue levels */
  mainLevels: number[];
  /** the title starts with an assistant cue (помощник, ассистент, assistant) */
  assistant: boolean;
  /**
   * The seniority-cue words as concepts (`~руководител`, every assistant word as `~assistant`): what a title
   * made only of such words ("Помощник руководителя", "Директор") is matched by. Kind 's', never in `items`.
   */
  cues: TitleItem[];
}

/** A rank word's key: the head nouns of one post are one ("начальник", "руководитель", "заведующий" → head). */
function rankKey(stem: string): string {
  return isHeadCue(stem) ? 'head' : stem;
}

export function analyzeTitle(raw: string): AnalyzedTitle {
  const toks = tokenizeTitle(normalizeText(raw));
  const infos = toks.map((t) => tokenInfo(t.t));
  const stems = infos.map((i) => i.stem);
  const items: TitleItem[] = [];
  const levels: number[] = [];
  const mainLevels: number[] = [];
  let assistant = false;
  const cues: TitleItem[] = [];
  const absorbed = new Array<boolean>(infos.length).fill(false);
  for (let i = 0; i < infos.length; i++) {
    const p = phraseAt(stems, i);
    if (!p) continue;
    let w = 0;
    let main = false;
    for (let k = i; k < i + p.len; k++) {
      absorbed[k] = true;
      const tk = toks[k];
      if (tk) {
        w = Math.max(w, tk.w);
        main ||= tk.main;
      }
    }
    if (p.kind === 's') continue;
    items.push({
      c: p.id,
      s: toks
        .slice(i, i + p.len)
        .map((x) => x.t)
        .join(' '),
      kind: p.kind,
      w,
      main,
      absorbed: false,
    });
  }
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i];
    const tk = toks[i];
    if (!info || !tk) continue;
    if (info.level >= 0) {
      levels.push(info.level);
      if (tk.main) mainLevels.push(info.level);
      const helper = isAssistantCue(info.stem);
      // Only as the title's first word: "Помощник бухгалтера", not "Водитель-помощник …" or "… Digital assistants".
      if (i === 0 && helper) assistant = true;
      // Whom an assistant assists is one principal, whatever the post's name: "Помощник директора" is "Помощник
      // руководителя".
      const principal = assistant && !helper && info.level === 4 && !isAdjective(tk.t);
      cues.push({
        c: `~${helper ? 'assistant' : principal ? 'head' : rankKey(info.stem)}`,
        s: tk.t,
        kind: 's',
        w: tk.w,
        main: tk.main,
        absorbed: false,
      });
      continue;
    }
    // "без опыта" (no experience) in a title is a junior cue.
    if (info.stem === 'опыт' && stems[i - 1] === 'без') {
      levels.push(1);
      if (tk.main) mainLevels.push(1);
      continue;
    }
    if (info.c === '') continue;
    items.push({ c: info.c, s: tk.t, kind: info.kind, w: tk.w, main: tk.main, absorbed: absorbed[i] ?? false });
  }
  // "Стажёр (аналитика продаж)": when the head holds only a seniority cue, the brackets say what the job is.
  if (items.length > 0 && !items.some((i) => i.main)) {
    for (const it of items) {
      it.main = true;
      it.w = Math.max(it.w, 0.9);
    }
  }
  return { items, levels, mainLevels, assistant, cues };
}

/**
 * Concepts of free text (snippet, description, key skills) with counts; phrases included. With `want`, only
 * those concepts are counted (a full description has hundreds of words; the scorer needs a dozen).
 */
export function analyzeBag(
  raw: string,
  into: Map<string, number> = new Map(),
  want?: ReadonlySet<string>,
): Map<string, number> {
  const toks = tokenize(normalizeText(raw));
  const stems: string[] = new Array<string>(toks.length);
  for (let i = 0; i < toks.length; i++) {
    const info = tokenInfo(toks[i] ?? '');
    stems[i] = info.stem;
    if (info.c !== '' && (!want || want.has(info.c))) into.set(info.c, (into.get(info.c) ?? 0) + 1);
  }
  for (let i = 0; i < stems.length; i++) {
    const p = phraseAt(stems, i);
    if (p && p.kind !== 's' && (!want || want.has(p.id))) into.set(p.id, (into.get(p.id) ?? 0) + 1);
  }
  return into;
}

export function kindOf(concept: string): Kind {
  return CONCEPT_KIND.get(concept) ?? 'u';
}

/** Russian adjective and participle endings: "сервисный", "ведущая", "главного" lead a title but do not name the job. */
const ADJECTIVE = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ых|их|ому|ему|ую|юю|ым|им)$/;
export const isAdjective = (word: string): boolean => ADJECTIVE.test(word);

/**
 * The head nouns of a title, as concepts: the first word of its main part that is not an adjective ("Сервисный
 * механик" → механик; "Руководитель отдела продаж" → руководитель, a rank noun), and after a generic noun the word it
 * governs ("Менеджер по продажам" → менеджер, продаж; "Инженер-конструктор" → инженер, конструктор). What the job
 * is, as opposed to what it is about.
 */
export function titleHeads(title: string): TokenInfo[] {
  const out: TokenInfo[] = [];
  for (const tok of tokenizeTitle(normalizeText(title))) {
    if (!tok.main) break;
    const info = tokenInfo(tok.t);
    const adjective = isAdjective(tok.t);
    if (info.kind === 'n') break;
    if (info.kind === 's') {
      // A rank noun ("руководитель", "начальник", "директор") is the head; a rank adjective or a function word is not.
      // A head's participle is a noun here ("Заведующий складом", "Управляющий магазином"), and the head nouns of one
      // post are one head ("Начальник склада" is "Руководитель склада").
      if (info.level >= 0 && (!adjective || isHeadCue(info.stem)) && /[а-я]/.test(tok.t)) {
        out.push({ ...info, c: `^${rankKey(info.stem)}` });
        break;
      }
      continue;
    }
    // Modifiers before the noun: an adjective ("сервисный"), a technology ("Python-разработчик", "Java Developer");
    // after a generic noun, an adjective of the word it governs ("Оператор производственной линии" → линии).
    if (adjective && info.kind !== 'r' && info.kind !== 'g') continue;
    if (out.length === 0 && info.kind === 't') continue;
    out.push(info);
    if (info.kind !== 'g') break;
  }
  return out;
}
