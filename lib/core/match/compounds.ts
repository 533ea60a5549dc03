/**
 * Russian compound abbreviations (сложносокращённые слова): "технадзор" is "технический надзор", "стройконтроль"
 * "строительный контроль", "медсестра" "медицинская сестра", "главбух" "главный бухгалтер". A vacancy title that says
 * in one word what a desired title says in two (or the other way round) names the same job, but no word of one is a
 * word of the other. Read from the user's own titles, so no list: the first part is a clipped prefix of an adjective
 * (3–7 letters; "строй" clips "строи-тельный"), the second a whole word.
 */
import { normalizeText, tokenize } from './normalize';
import { stemWord } from './stem';

const CYR_WORD = /[а-яё]+/giu;
const MIN_HEAD = 3;
const MAX_HEAD = 7;
/** The whole word after the clipped head: long enough that a chance split does not read as a word. */
const MIN_TAIL = 4;

/** "строй" is the clip of "строительный": a clipped head may end in й where the word goes on with и. */
const unclip = (head: string): string => head.replace(/й$/, 'и');

interface Pair {
  /** the adjective, as the desired title writes it (lower case) */
  a: string;
  b: string;
  bStem: string;
}

interface Joined {
  /** the compound as the desired title writes it */
  word: string;
  /** clipped head (й → и) the first vacancy word starts with */
  head: string;
  tailStem: string;
}

export interface CompoundReader {
  /** The title with a compound the user's titles spell out (or the other way round) written as the user does. */
  (title: string): string;
}

const identity: CompoundReader = (title) => title;

function split(stem: string, bStem: string): boolean {
  // The compound's tail is the second word, perhaps clipped too ("главбух" → "бухгалтер").
  return stem === bStem || (stem.length >= MIN_HEAD && bStem.startsWith(stem)) || stem.startsWith(bStem);
}

/** A reader for one profile's desired titles; the identity when they hold nothing to read. */
export function compoundReader(desiredTitles: readonly string[]): CompoundReader {
  const pairs: Pair[] = [];
  const joined: Joined[] = [];
  for (const title of desiredTitles) {
    const words = tokenize(normalizeText(title)).filter((w) => /^[а-я]+$/.test(w));
    for (let i = 0; i + 1 < words.length; i++) {
      const a = words[i]!;
      const b = words[i + 1]!;
      if (a.length > MIN_HEAD + 2 && b.length >= MIN_TAIL) pairs.push({ a, b, bStem: stemWord(b) });
    }
    for (const w of words) {
      for (let k = MIN_HEAD; k <= MAX_HEAD && w.length - k >= MIN_TAIL; k++) {
        joined.push({ word: w, head: unclip(w.slice(0, k)), tailStem: stemWord(w.slice(k)) });
      }
    }
  }
  // Where the user's titles spell a compound both ways ("Медицинская сестра", "Процедурная медсестра"), either form in
  // a vacancy already matches one of them: rewriting it would only trade one match for the other.
  const spelt = (p: Pair, j: Joined): boolean =>
    p.a.length > j.head.length + 1 && p.a.startsWith(j.head) && p.bStem === j.tailStem;
  const both = new Set(joined.filter((j) => pairs.some((p) => spelt(p, j))).map((j) => j.word));
  const expandable = pairs.filter((p) => !joined.some((j) => both.has(j.word) && spelt(p, j)));
  const contractible = joined.filter((j) => !both.has(j.word));
  if (expandable.length === 0 && contractible.length === 0) return identity;
  const heads = new Set(expandable.map((p) => p.a.slice(0, MIN_HEAD)));
  const firstHeads = new Set(contractible.map((j) => j.head.slice(0, MIN_HEAD)));

  /** "технадзора" → "технического надзора" when the user's title says "технического надзора". */
  const expand = (word: string): string | undefined => {
    const lower = word.toLowerCase().replace(/ё/g, 'е');
    if (!heads.has(lower.slice(0, MIN_HEAD))) return undefined;
    const stem = stemWord(lower);
    for (const p of expandable) {
      for (let k = MIN_HEAD; k <= MAX_HEAD && k < stem.length; k++) {
        const head = unclip(stem.slice(0, k));
        if (!p.a.startsWith(head) || head.length >= p.a.length - 1) continue;
        if (split(stem.slice(k), p.bStem)) return `${p.a} ${p.b}`;
      }
    }
    return undefined;
  };

  /** "медицинская сестра" → "медсестра" when the user's title says "медсестра". */
  const contract = (first: string, second: string): string | undefined => {
    const a = first.toLowerCase().replace(/ё/g, 'е');
    if (!firstHeads.has(a.slice(0, MIN_HEAD))) return undefined;
    const bStem = stemWord(second.toLowerCase().replace(/ё/g, 'е'));
    for (const j of contractible) {
      if (a.length > j.head.length + 1 && a.startsWith(j.head) && bStem === j.tailStem) return j.word;
    }
    return undefined;
  };

  return (title) => {
    if (!/[а-яё]/iu.test(title)) return title;
    const words = [...title.matchAll(CYR_WORD)];
    let out = '';
    let at = 0;
    for (let i = 0; i < words.length; i++) {
      const m = words[i]!;
      const next = words[i + 1];
      const start = m.index;
      const gapToNext = next ? title.slice(start + m[0].length, next.index) : '';
      const joinedWord = next && /^\s+$/.test(gapToNext) ? contract(m[0], next[0]) : undefined;
      if (joinedWord && next) {
        out += title.slice(at, start) + joinedWord;
        at = next.index + next[0].length;
        i++;
        continue;
      }
      const expanded = m[0].length >= MIN_HEAD + MIN_TAIL ? expand(m[0]) : undefined;
      if (expanded) {
        out += title.slice(at, start) + expanded;
        at = start + m[0].length;
      }
    }
    return at === 0 ? title : out + title.slice(at);
  };
}
